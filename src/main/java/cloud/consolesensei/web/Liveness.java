package cloud.consolesensei.web;

import cloud.consolesensei.lock.AccountLocks;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Whether the process running a job execution is alive, as the per-account lock knows it
 * ({@link AccountLocks#isAlive}: its locks held and its heartbeat younger than 60 s, whichever
 * process runs it), or an execution this process launched that has not taken its locks yet.
 */
@ConditionalOnServe
@Component
public class Liveness {

    private final AccountLocks locks;
    private final Set<Long> local = ConcurrentHashMap.newKeySet();

    public Liveness(AccountLocks locks) {
        this.locks = locks;
    }

    /** Marks an execution this process runs (until {@link #ended}). */
    void running(long executionId) {
        local.add(executionId);
    }

    /** The execution this process ran has ended. */
    void ended(long executionId) {
        local.remove(executionId);
    }

    /** True while the execution's process is alive. */
    public boolean isAlive(long executionId) {
        return local.contains(executionId) || locks.isAlive(executionId);
    }
}
