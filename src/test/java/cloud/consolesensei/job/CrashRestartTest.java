package cloud.consolesensei.job;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.Fixtures;
import cloud.consolesensei.testkit.JobTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of a run (a child JVM running the real CLI), then
 * {@code restart EXECUTION_ID}: the findings, the findings and coverage CSVs and the workbook equal
 * those of an uninterrupted run, nothing is duplicated, and the restart resumed rather than
 * starting over.
 */
@JobTest
class CrashRestartTest {

    /** Widgets per region: 3 chunks of 100 per regional partition. */
    private static final int ITEMS = 300;
    /** Where the regional partitions wait to be killed: after their first two chunks committed. */
    private static final int HOLD_AT = 250;

    @Test
    void killMidRunThenRestartEqualsUninterruptedRun(@TempDir Path crashedDir, @TempDir Path cleanDir) throws Exception {
        // held mid-way until killed: the run cannot end before the kill however fast the machine is
        Path hold = Files.createFile(crashedDir.resolve("hold"));
        Cli crashed = Cli.h2(crashedDir, Cli.heldFakeEstate(ITEMS, HOLD_AT, hold));
        Process child = crashed.start(Map.of(), crashedDir.resolve("child.log"), "run", "--demo", "--no-email", "--as-of",
                Fixtures.AS_OF.toString());
        long executionId;
        try {
            executionId = crashed.awaitCommittedChunks(child, 3, crashedDir.resolve("child.log"));
            // H2 writes commits to the file within its write delay (500 ms, the product's setting): put
            // those chunks in the file now, while later ones are still being read
            crashed.checkpoint();
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no listener, no rollback
            child.waitFor(30, TimeUnit.SECONDS);
            Files.deleteIfExists(hold);
        }
        assertThat(crashed.query("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", executionId))
                .as("the killed run was left running").extracting(r -> r.get("status")).containsExactly("STARTED");
        long partial = crashed.number("SELECT COUNT(*) FROM finding WHERE check_id LIKE 'fake.%'");
        long expected = 4L * ITEMS + 2L * (ITEMS / 10); // 4 account-regions, 2 global partitions
        assertThat(partial).as("some chunks committed before the kill, not all").isGreaterThan(0).isLessThan(expected);
        assertThat(crashed.report("findings", "all", Fixtures.AS_OF, "csv")).doesNotExist();

        // the killed process beats no more, yet for 60 s its locks say it may be alive: restart refuses
        Cli.Result refused = crashed.cli("restart", Long.toString(executionId));
        assertThat(refused.code()).as(refused.out() + refused.err()).isEqualTo(2);
        assertThat(refused.out() + refused.err()).contains("still running");
        // its last heartbeat ages past the 60 s after which the contract takes the execution as dead
        crashed.execute("UPDATE execution_heartbeat SET heartbeat_at = heartbeat_at - INTERVAL '61' SECOND "
                + "WHERE execution_id = " + executionId);
        Cli.Result restart = crashed.cli("restart", Long.toString(executionId));
        assertThat(restart.code()).as(restart.out() + restart.err()).isEqualTo(0);
        assertThat(restart.out()).contains("COMPLETED").contains("report: ");

        Cli clean = Cli.h2(cleanDir, Cli.fakeEstate(ITEMS, 0));
        Cli.Result uninterrupted = clean.audit(Fixtures.AS_OF);
        assertThat(uninterrupted.code()).isEqualTo(restart.code());

        assertThat(crashed.number("SELECT COUNT(*) FROM finding WHERE check_id LIKE 'fake.%'")).isEqualTo(expected);
        assertThat(crashed.number("SELECT COUNT(*) FROM run_finding"))
                .isEqualTo(crashed.number("SELECT COUNT(*) FROM finding"));
        assertThat(crashed.number("SELECT COUNT(*) FROM finding WHERE status <> 'NEW'")).isZero();
        assertThat(crashed.number("SELECT COUNT(*) FROM inventory_row"))
                .isEqualTo(clean.number("SELECT COUNT(*) FROM inventory_row"));
        Cli.assertSameReports(crashed, clean);

        // the restart resumed from the committed chunks instead of reading everything again
        assertThat(restart.executionId()).isNotEqualTo(executionId);
        long readOnRestart = crashed.number("SELECT SUM(READ_COUNT) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?"
                + " AND STEP_NAME LIKE 'collect.partition:%'", restart.executionId());
        assertThat(readOnRestart).isLessThan(expected);
        assertThat(crashed.query("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", executionId))
                .extracting(r -> r.get("status")).containsExactly("FAILED");

        Cli.Result runs = crashed.cli("runs");
        assertThat(runs.code()).isZero();
        assertThat(runs.out()).containsPattern("(?m)^" + restart.executionId() + "\\s.*COMPLETED.*111111111111, 222222222222")
                .containsPattern("(?m)^" + executionId + "\\s.*FAILED");
    }
}
