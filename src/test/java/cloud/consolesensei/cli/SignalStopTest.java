package cloud.consolesensei.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.Fixtures;
import cloud.consolesensei.testkit.JobTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C or SIGTERM during {@code run} (a child JVM on the product's embedded database mode): the
 * run stops at its next chunk, its execution is STOPPED (not left STARTED), the command prints how
 * to restart it and exits 130 / 143; {@code restart} then completes it. Before, the JVM exited at
 * once, printed nothing and left the execution STARTED.
 */
@JobTest
class SignalStopTest {

    /** Widgets per region: 4 chunks of 100 per regional partition. */
    private static final int ITEMS = 400;
    /** Where the regional partitions wait for the test: after their first two chunks committed. */
    private static final int HOLD_AT = 250;

    @Test
    void sigtermStopsTheRunAtItsNextChunkAndExits143(@TempDir Path dir) throws Exception {
        Path hold = Files.createFile(dir.resolve("hold"));
        Cli cli = Cli.h2(dir, Cli.heldFakeEstate(ITEMS, HOLD_AT, hold));
        Path log = dir.resolve("run.log");
        Process run = cli.start(Map.of(), log, "run", "--demo", "--no-email", "--as-of", Fixtures.AS_OF.toString());
        long executionId = stopAndWait(cli, run, log, hold, false);

        assertThat(run.exitValue()).as(Files.readString(log)).isEqualTo(143);
        assertStopped(cli, executionId, log, "SIGTERM");
        Cli.Result restart = cli.cli("restart", Long.toString(executionId));
        assertThat(restart.code()).as(restart.out() + restart.err()).isEqualTo(0);
        assertThat(restart.out()).contains("COMPLETED");
    }

    @Test
    void sigintStopsTheRunAtItsNextChunkAndExits130(@TempDir Path dir) throws Exception {
        Path hold = Files.createFile(dir.resolve("hold"));
        Cli cli = Cli.h2(dir, Cli.heldFakeEstate(ITEMS, HOLD_AT, hold));
        Path log = dir.resolve("run.log");
        Process run = cli.start(Map.of(), log, "run", "--demo", "--no-email", "--as-of", Fixtures.AS_OF.toString());
        long executionId = stopAndWait(cli, run, log, hold, true);

        assertThat(run.exitValue()).as(Files.readString(log)).isEqualTo(130);
        assertStopped(cli, executionId, log, "SIGINT");
    }

    /**
     * Signals the child while its regional partitions are held after two committed chunks each, waits
     * until the job repository records the stop request (STOPPING), releases the hold and waits for
     * the child to end by itself. The hold, not timing, keeps the run from ending before the signal.
     */
    private static long stopAndWait(Cli cli, Process run, Path log, Path hold, boolean interrupt) throws Exception {
        long executionId;
        try {
            executionId = cli.awaitCommittedChunks(run, 2, log);
            if (interrupt) {
                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).inheritIO().start();
                assertThat(kill.waitFor()).isZero();
            } else {
                run.destroy(); // SIGTERM
            }
            Awaitility.await("job execution " + executionId + " asked to stop").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> cli.query("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", executionId)
                            .get(0).get("status"), s -> s.startsWith("STOP"));
            Files.delete(hold);
            assertThat(run.waitFor(120, TimeUnit.SECONDS)).as("the run ended by itself").isTrue();
        } finally {
            if (run.isAlive()) run.destroyForcibly();
        }
        return executionId;
    }

    private static void assertStopped(Cli cli, long executionId, Path log, String signal) throws Exception {
        String output = Files.readString(log);
        assertThat(cli.query("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", executionId))
                .as(output).extracting(r -> r.get("status")).containsExactly("STOPPED");
        assertThat(output).contains("stopped by " + signal + " at its next chunk: job execution " + executionId
                + " is STOPPED; resume it with `restart " + executionId + "`");
        long all = 4L * ITEMS + 2L * (ITEMS / 10);
        assertThat(cli.number("SELECT COUNT(*) FROM finding WHERE check_id LIKE 'fake.%'")).as("stopped before the end")
                .isLessThan(all);
    }
}
