package cloud.consolesensei.job;

import cloud.consolesensei.config.ConsoleSenseiProperties;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Caps how many partitions of one account run at once ({@code consolesensei.aws.concurrency-per-account}),
 * so one account's throttling cannot take every worker and starve the other accounts: AWS rate
 * limits are per account and region.
 */
@Component
public class AccountThrottle implements StepExecutionListener {

    private final int perAccount;
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();

    public AccountThrottle(ConsoleSenseiProperties props) {
        this.perAccount = props.aws().concurrencyPerAccount();
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        semaphore(stepExecution).acquireUninterruptibly();
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        semaphore(stepExecution).release();
        return null;
    }

    private Semaphore semaphore(StepExecution se) {
        String account = se.getExecutionContext().getString(PartitionWork.ACCOUNT, "none");
        return permits.computeIfAbsent(account, a -> new Semaphore(perAccount));
    }
}
