package cloud.consolesensei.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.JobTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} in a child JVM: it logs its next fire time, runs the audit at a cron instant, and
 * on SIGTERM stops the running execution cleanly (STOPPED, not left STARTED), which
 * {@code restart} then completes.
 */
@JobTest
class ServeCommandTest {

    @Test
    void sigtermStopsTheRunningExecutionWhichRestartCompletes(@TempDir Path dir) throws Exception {
        Cli cli = Cli.h2(dir, Cli.fakeEstate(400, 10) + "consolesensei.schedule.audit: \"*/2 * * * * *\"\n");
        Path log = dir.resolve("serve.log");
        Process serve = cli.start(Map.of(), log, "serve", "--demo");
        try {
            // the global partitions (40 keys) end first; the regional ones (400 widgets, 10 ms each) are still running
            cli.awaitRows(serve, log, "a partition of the first run ended", "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION"
                    + " WHERE STEP_NAME LIKE 'collect.partition:%' AND END_TIME IS NOT NULL");
        } catch (RuntimeException | AssertionError e) {
            serve.destroyForcibly();
            throw e;
        }
        serve.destroy(); // SIGTERM
        boolean exited = serve.waitFor(120, TimeUnit.SECONDS);
        if (!exited) serve.destroyForcibly();
        String output = Files.readString(log);
        assertThat(exited).as(output).isTrue();
        long executionId = cli.number("SELECT MIN(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION");
        assertThat(output).contains("next run at").contains("stopping job execution " + executionId)
                .contains("serve: stopped");
        assertThat(cli.query("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", executionId))
                .as(output).extracting(r -> r.get("status")).containsExactly("STOPPED");

        Cli.Result restart = cli.cli("restart", Long.toString(executionId));
        assertThat(restart.code()).as(restart.out()).isEqualTo(0);
        assertThat(restart.out()).contains("COMPLETED");
        String runId = cli.query("SELECT PARAMETER_VALUE AS v FROM BATCH_JOB_EXECUTION_PARAMS WHERE JOB_EXECUTION_ID = ?"
                + " AND PARAMETER_NAME = 'run.id'", executionId).get(0).get("v");
        assertThat(runId).startsWith("audit@");
        assertThat(cli.number("SELECT COUNT(*) FROM run_finding r JOIN finding f ON f.fingerprint = r.fingerprint"
                + " WHERE r.run_id = ? AND f.check_id LIKE 'fake.%'", runId)).isEqualTo(4L * 400 + 2 * 40);
    }
}
