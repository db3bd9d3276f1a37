package cloud.consolesensei.job;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.lock.AccountLocks;
import cloud.consolesensei.run.AuditRuns;

import org.slf4j.MDC;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Opens and closes a job execution's shared resources: puts the run id and execution id in the
 * logging MDC and takes the execution's per-account locks ({@link AccountLocks}); when the execution
 * ends (whatever its status) closes the run's AWS clients, releases the locks and stamps the run's end.
 */
@Component
public class RunLifecycleListener implements JobExecutionListener {

    private final RunRegistry registry;
    private final AuditRuns runs;
    private final AccountLocks locks;
    private final JobRepository repository;

    public RunLifecycleListener(RunRegistry registry, AuditRuns runs, AccountLocks locks, JobRepository repository) {
        this.registry = registry;
        this.runs = runs;
        this.locks = locks;
        this.repository = repository;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        MDC.put("run", jobExecution.getJobParameters().getString("run.id"));
        MDC.put("execution", String.valueOf(jobExecution.getId()));
        // a restarted run writes findings again: until it ends it counts as running (FindingStore reads
        // around the findings of runs that may have written after another run started)
        runs.executing(jobExecution.getJobParameters().getString("run.id"));
        // the per-account lock: taken here, where the execution id exists; AuditRunner checked it just
        // before the start, so only a run started at the same moment can still lose the race
        RunResources resources = registry.resources(registry.request(jobExecution.getJobParameters()));
        locks.acquire(jobExecution.getId(), resources.accounts().stream().map(AccountTarget::id).toList());
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        String runId = jobExecution.getJobParameters().getString("run.id");
        registry.release(runId);
        // Spring Batch stores the final status only after this listener: store it first, so no reader
        // ever sees the locks released while the execution still says STARTED (which reads as "its
        // process died" and would let a restart mark a finished execution FAILED and run it again)
        repository.update(jobExecution);
        locks.release(jobExecution.getId());
        runs.ended(runId, jobExecution.getStatus().name());
        MDC.remove("run");
        MDC.remove("execution");
    }
}
