package cloud.consolesensei.job;

import cloud.consolesensei.coverage.CoverageStore;
import cloud.consolesensei.report.ReportFiles;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When a job execution ends (whatever its status), records what the web console and the API show
 * of it later, from any process: every file its report and notify steps wrote (as they handed them on
 * in the job execution context, {@link RunHandOff}) in {@link ReportFiles}, and its README exit code (table
 * {@code execution_outcome}).
 */
@Component
public class ExecutionRecorder implements JobExecutionListener {

    private final ReportFiles files;
    private final CoverageStore coverage;
    private final JdbcTemplate jdbc;

    public ExecutionRecorder(ReportFiles files, CoverageStore coverage, JdbcTemplate jdbc) {
        this.files = files;
        this.coverage = coverage;
        this.jdbc = jdbc;
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        RunHandOff handOff = RunHandOff.load(jobExecution.getExecutionContext());
        List<Path> written = handOff.files();
        if (!written.isEmpty()) files.record(jobExecution.getId(), written);
        int gaps = coverage.countBlocking(jobExecution.getJobParameters().getString("run.id"));
        int exit = RunOutcome.exitCode(jobExecution.getStatus(), gaps, handOff.deliveryFailed());
        jdbc.update("DELETE FROM execution_outcome WHERE execution_id = ?", jobExecution.getId());
        jdbc.update("INSERT INTO execution_outcome (execution_id, exit_code) VALUES (?, ?)", jobExecution.getId(), exit);
    }

    /** The exit code recorded for a finished execution, if any. */
    public Optional<Integer> exitCode(long executionId) {
        return jdbc.query("SELECT exit_code FROM execution_outcome WHERE execution_id = ?",
                rs -> rs.next() ? Optional.of(rs.getInt(1)) : Optional.<Integer>empty(), executionId);
    }
}
