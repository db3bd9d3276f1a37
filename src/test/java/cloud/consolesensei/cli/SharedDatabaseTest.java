package cloud.consolesensei.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.Fixtures;
import cloud.consolesensei.testkit.JobTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database at its default ({@code ./data}) is shared by the processes of one host:
 * while {@code serve} holds it, {@code runs} in another JVM and a {@code run} work (before, both
 * failed with "The file is locked"); {@code doctor} needs no database and opens none, so it works
 * even when the configured database cannot be reached.
 */
@JobTest
class SharedDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void runsAndRunWorkWhileServeHoldsTheEmbeddedDatabase() throws Exception {
        Cli cli = Cli.defaultDatabase(dir, Cli.fakeEstate(5, 0) + "consolesensei.schedule.audit: \"0 0 2 1 1 *\"\n");
        Path serveLog = dir.resolve("serve.log");
        Process serve = cli.start(Map.of(), serveLog, "serve", "--demo");
        try {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!serve.isAlive()) throw new AssertionError("serve ended:\n" + Files.readString(serveLog));
                return Files.readString(serveLog).contains("next run at");
            });
            assertThat(dir.resolve("data/consolesensei.mv.db")).exists();

            Cli.Result run = cli.audit(Fixtures.AS_OF);
            assertThat(run.code()).as(run.out() + run.err()).isEqualTo(0);

            Path runsLog = dir.resolve("runs.log");
            Process runs = cli.start(Map.of(), runsLog, "runs");
            assertThat(runs.waitFor(180, TimeUnit.SECONDS)).isTrue();
            String listed = Files.readString(runsLog);
            assertThat(runs.exitValue()).as(listed).isEqualTo(0);
            assertThat(listed).contains(Long.toString(run.executionId())).contains("COMPLETED")
                    .doesNotContain("locked");
        } finally {
            serve.destroy();
            if (!serve.waitFor(120, TimeUnit.SECONDS)) serve.destroyForcibly();
        }
        assertThat(Files.readString(serveLog)).contains("serve: stopped");
    }

    @Test
    void doctorOpensNoDatabase() throws Exception {
        // a PostgreSQL nobody listens on: any command that opened it would fail to start
        Cli cli = Cli.jdbc(dir, "jdbc:postgresql://127.0.0.1:1/consolesensei", "postgres", "");
        Cli.Result policy = cli.cli("doctor", "--policy");
        assertThat(policy.code()).as(policy.err()).isEqualTo(0);
        assertThat(policy.out()).contains("\"Version\"", "ec2:DescribeRegions");
        Cli.Result demo = cli.cli("doctor", "--demo");
        assertThat(demo.code()).as(demo.out() + demo.err()).isEqualTo(0);
        assertThat(cli.cli("runs").code()).as("runs does need the database").isEqualTo(1);
    }
}
