package cloud.consolesensei.retention;

import cloud.consolesensei.job.RunRequest;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Applies {@link Retention} when a job execution ends COMPLETED, after everything else about it is
 * stored; a failed or stopped run deletes nothing. A retention that fails is logged (WARN) and leaves
 * the run's outcome alone: the next successful run tries again.
 */
@Component
public class RetentionListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RetentionListener.class);

    private final Retention retention;

    public RetentionListener(Retention retention) {
        this.retention = retention;
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) return;
        RunRequest request = RunRequest.from(execution.getJobParameters(), List.of());
        try {
            Retention.Deleted d = retention.afterSuccess(request.runId(), request.asOf(), request.reportsDir());
            if (d.runs() + d.findings() + d.reportFiles() > 0) {
                log.info("retention: deleted {} runs, {} findings not seen since, {} report files", d.runs(), d.findings(),
                        d.reportFiles());
            }
        } catch (RuntimeException e) {
            log.warn("retention: not applied: {}", e.getMessage());
        }
    }
}
