package cloud.consolesensei.job;

import java.sql.Timestamp;
import java.time.Instant;

import org.slf4j.MDC;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Opens and closes a job execution's shared resources: puts the run id and execution id in the
 * logging MDC, and when the execution ends (whatever its status) closes the run's AWS clients and
 * stamps the run's end.
 */
@Component
public class RunLifecycleListener implements JobExecutionListener {

    private final RunRegistry registry;
    private final JdbcTemplate jdbc;

    public RunLifecycleListener(RunRegistry registry, JdbcTemplate jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        MDC.put("run", jobExecution.getJobParameters().getString("run.id"));
        MDC.put("execution", String.valueOf(jobExecution.getId()));
        // a restarted run writes findings again: until it ends it counts as running (FindingStore reads
        // around the findings of runs that may have written after another run started)
        jdbc.update("UPDATE audit_run SET finished_at = NULL WHERE run_id = ?",
                jobExecution.getJobParameters().getString("run.id"));
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        String runId = jobExecution.getJobParameters().getString("run.id");
        registry.release(runId);
        jdbc.update("UPDATE audit_run SET finished_at = ? WHERE run_id = ?", Timestamp.from(Instant.now()), runId);
        MDC.remove("run");
        MDC.remove("execution");
    }
}
