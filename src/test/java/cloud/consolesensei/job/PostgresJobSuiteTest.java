package cloud.consolesensei.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cloud.consolesensei.schedule.AuditScheduler;
import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.Fixtures;
import cloud.consolesensei.testkit.PostgresSchemas;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link JobSuite} on real PostgreSQL (profile {@code postgres}: {@code ./mvnw -Ppostgres verify}),
 * each database a fresh schema, plus the cluster test: two application contexts sharing one
 * database run each scheduled audit exactly once.
 */
@Tag("postgres")
class PostgresJobSuiteTest extends JobSuite {

    private final PostgresSchemas schemas = new PostgresSchemas();

    @Override
    Cli cli(Path dir, String extraYaml) throws Exception {
        return schemas.cli(dir, extraYaml);
    }

    @AfterEach
    void dropSchemas() {
        schemas.dropAll();
    }

    @Test
    void flywayCreatedThePostgresqlSchema() throws Exception {
        Cli cli = cli();
        assertThat(cli.audit(Fixtures.AS_OF).code()).isEqualTo(0);
        assertThat(cli.query("SELECT version, description FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
                .extracting(r -> r.get("version")).startsWith("1", "2", "3").doesNotHaveDuplicates();
        assertThat(cli.number("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()"
                + " AND table_name IN ('batch_job_execution', 'finding', 'shedlock')")).isEqualTo(3);
    }

    @Test
    void twoInstancesRunEachScheduledAuditOnce() throws Exception {
        Cli cli = cli(dir.resolve("a"), Cli.fakeEstate(20, 0) + "consolesensei.schedule.audit: \"*/2 * * * * *\"\n");
        try (var one = cli.context(); var two = cli.context()) {
            AuditScheduler a = one.getBean(AuditScheduler.class);
            AuditScheduler b = two.getBean(AuditScheduler.class);
            a.start(true);
            b.start(true);
            await().atMost(Duration.ofSeconds(90)).until(() -> a.ran() + b.ran() >= 4 && a.skipped() + b.skipped() >= 2);
            a.stop();
            b.stop();
            List<Map<String, String>> runs = cli.query("SELECT p.PARAMETER_VALUE AS run, e.STATUS AS status"
                    + " FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p"
                    + " ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'run.id'");
            assertThat(runs).hasSize(a.ran() + b.ran());
            assertThat(runs).extracting(r -> r.get("run")).doesNotHaveDuplicates().allMatch(r -> r.startsWith("audit@"));
            // every run completed, except at most the one in progress when the test stopped the instances:
            // that one ended (STOPPED, or FAILED if the stop raced the job's own update) and is restartable
            List<Map<String, String>> notCompleted = runs.stream().filter(r -> !r.get("status").equals("COMPLETED")).toList();
            assertThat(notCompleted).hasSizeLessThanOrEqualTo(1)
                    .allSatisfy(r -> assertThat(r.get("status")).isIn("STOPPED", "FAILED"));
            assertThat(cli.number("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(runs.size());
            // every fire was either run here or skipped here because the other instance held the lock
            assertThat(a.ran() + a.skipped()).isLessThanOrEqualTo(a.fired());
            assertThat(b.ran() + b.skipped()).isLessThanOrEqualTo(b.fired());
        }
    }
}
