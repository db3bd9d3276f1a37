package cloud.consolesensei.retention;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.JobTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention (issue 16, item 8): a successful run deletes the runs whose as-of date is more than
 * {@code retention.history-days} before its own, with their Spring Batch job instance, executions and
 * steps and everything the run stored, and the report files of as-of folders older than
 * {@code retention.reports-days}; it keeps its own, the younger ones, and files it did not write.
 */
@JobTest
class RetentionTest {

    private static final LocalDate OLD = LocalDate.of(2025, 1, 10);
    private static final LocalDate KEPT = LocalDate.of(2025, 12, 1);
    private static final LocalDate NOW = LocalDate.of(2026, 3, 2);

    @TempDir
    Path dir;

    @Test
    void aSuccessfulRunDeletesOnlyWhatIsOlderThanTheRetention() throws Exception {
        // history 200 days, reports 60 days: the KEPT run (325 days after OLD) deletes OLD's run; the NOW run
        // (91 days after KEPT) keeps KEPT's run but deletes its report files
        Cli cli = Cli.h2(dir, "consolesensei.retention:\n  history-days: 200\n  reports-days: 60\n");
        assertThat(cli.audit(OLD).code()).isZero();
        String oldRun = runId(cli, OLD);
        assertThat(cli.number("SELECT COUNT(*) FROM run_finding WHERE run_id = ?", oldRun)).isPositive();
        Path userFile = Files.writeString(cli.reportsDir().resolve(OLD.toString()).resolve("notes.txt"), "mine");

        assertThat(cli.audit(KEPT).code()).isZero();
        String keptRun = runId(cli, KEPT);
        Cli.Result now = cli.audit(NOW);
        assertThat(now.code()).as(now.err()).isZero();

        String newRun = runId(cli, NOW);
        assertThat(cli.query("SELECT run_id FROM audit_run ORDER BY as_of")).extracting(r -> r.get("run_id"))
                .containsExactly(keptRun, newRun);
        assertThat(cli.number("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(2);
        assertThat(cli.number("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isEqualTo(2);
        assertThat(cli.number("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION_PARAMS WHERE PARAMETER_VALUE = ?", oldRun)).isZero();
        assertThat(cli.number("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION s WHERE NOT EXISTS"
                + " (SELECT 1 FROM BATCH_JOB_EXECUTION e WHERE e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID)")).isZero();
        for (String table : List.of("run_finding", "coverage_gap", "inventory_row", "run_account_total", "run_account",
                "run_selection")) {
            assertThat(cli.number("SELECT COUNT(*) FROM " + table + " WHERE run_id = ?", oldRun)).as(table).isZero();
        }
        assertThat(cli.number("SELECT COUNT(*) FROM run_finding WHERE run_id = ?", keptRun)).isPositive();
        assertThat(cli.number("SELECT COUNT(*) FROM finding WHERE last_seen < ?", NOW.minusDays(200))).isZero();

        // reports: the old folders' files gone, a file the program did not write kept, today's all there
        assertThat(cli.reportsDir().resolve(KEPT.toString())).doesNotExist();
        assertThat(Files.list(cli.reportsDir().resolve(OLD.toString())).toList()).containsExactly(userFile);
        assertThat(cli.report("consolesensei", "all", NOW, "xlsx")).exists();
        assertThat(cli.report("findings", "all", NOW, "csv")).exists();

        // the cost cache is not history (kept), and a demo run asks Cost Explorer again for every month it
        // shows: the demo tells its costs relative to the as-of date, so KEPT's copies of Sep-Nov 2025 are replaced
        assertThat(cli.number("SELECT COUNT(*) FROM cost_period WHERE granularity = 'MONTHLY' AND period_start >= ?"
                + " AND period_start < ? AND fetched_on <> ?", LocalDate.of(2025, 9, 1), LocalDate.of(2026, 3, 1), NOW)).isZero();
        assertThat(cli.number("SELECT COUNT(*) FROM cost_period WHERE granularity = 'MONTHLY' AND period_start = ?",
                LocalDate.of(2025, 6, 1))).isPositive();

        // runs lists what is left
        Cli.Result runs = cli.cli("runs");
        assertThat(runs.out()).contains(keptRun, newRun).doesNotContain(oldRun);
    }

    private static String runId(Cli cli, LocalDate asOf) {
        return cli.query("SELECT run_id FROM audit_run WHERE as_of = ?", asOf).get(0).get("run_id");
    }
}
