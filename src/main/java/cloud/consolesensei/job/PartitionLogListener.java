package cloud.consolesensei.job;

import java.time.Duration;
import java.time.LocalDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Puts the run, execution and account in the logging MDC of each partition's thread, and logs one
 * line per partition: account, region, items read and written, status and duration.
 */
@Component
public class PartitionLogListener implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(PartitionLogListener.class);

    @Override
    public void beforeStep(StepExecution se) {
        MDC.put("run", se.getJobParameters().getString("run.id"));
        MDC.put("execution", String.valueOf(se.getJobExecution().getId()));
        MDC.put("account", se.getExecutionContext().getString(PartitionWork.ACCOUNT, ""));
    }

    @Override
    public ExitStatus afterStep(StepExecution se) {
        LocalDateTime start = se.getStartTime();
        long ms = start == null ? 0 : Duration.between(start, LocalDateTime.now()).toMillis();
        log.info("partition account={} region={} read={} written={} status={} duration={}ms",
                se.getExecutionContext().getString(PartitionWork.ACCOUNT, ""),
                se.getExecutionContext().getString(PartitionWork.REGION, ""),
                se.getReadCount(), se.getWriteCount(), se.getStatus(), ms);
        MDC.remove("account");
        return null;
    }
}
