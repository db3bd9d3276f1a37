package cloud.consolesensei.job;

import cloud.consolesensei.run.AuditRuns;

import org.slf4j.MDC;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Opens and closes a job execution's shared resources: puts the run id and execution id in the
 * logging MDC, and when the execution ends (whatever its status) closes the run's AWS clients and
 * stamps the run's end.
 */
@Component
public class RunLifecycleListener implements JobExecutionListener {

    private final RunRegistry registry;
    private final AuditRuns runs;

    public RunLifecycleListener(RunRegistry registry, AuditRuns runs) {
        this.registry = registry;
        this.runs = runs;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        MDC.put("run", jobExecution.getJobParameters().getString("run.id"));
        MDC.put("execution", String.valueOf(jobExecution.getId()));
        // a restarted run writes findings again: until it ends it counts as running (FindingStore reads
        // around the findings of runs that may have written after another run started)
        runs.executing(jobExecution.getJobParameters().getString("run.id"));
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        String runId = jobExecution.getJobParameters().getString("run.id");
        registry.release(runId);
        runs.ended(runId, jobExecution.getStatus().name());
        MDC.remove("run");
        MDC.remove("execution");
    }
}
