package cloud.consolesensei.cost;

import cloud.consolesensei.job.RunStatistic;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Counts the Cost Explorer requests made per run. AWS charges 0.01 USD for each
 * (GetCostAndUsage pages and GetCostForecast alike); the run summary prints the count.
 * Thread-safe; counts live in memory for the life of the process.
 */
@Component
public class CostExplorerUsage implements RunStatistic {

    /** Requests made on the current thread since {@link #resetThread()}: a collect partition's own. */
    private static final ThreadLocal<long[]> THREAD = ThreadLocal.withInitial(() -> new long[1]);

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    /** Counts one request made for run {@code runId}. */
    public void record(String runId) {
        counts.computeIfAbsent(key(runId), k -> new AtomicLong()).incrementAndGet();
        THREAD.get()[0]++;
    }

    /**
     * Adds {@code n} requests that other processes made for run {@code runId}: the workers of a
     * remote run, whose counts reach the manager through the job repository.
     */
    public void recordElsewhere(String runId, long n) {
        if (n > 0) counts.computeIfAbsent(key(runId), k -> new AtomicLong()).addAndGet(n);
    }

    /** Starts counting this thread's requests from zero (a collect partition runs on one thread). */
    public static void resetThread() {
        THREAD.get()[0] = 0;
    }

    /** Requests made on this thread since {@link #resetThread()}. */
    public static long threadRequests() {
        return THREAD.get()[0];
    }

    /** Cost Explorer requests made so far by run {@code runId} (0 when none). */
    public long requests(String runId) {
        AtomicLong n = counts.get(key(runId));
        return n == null ? 0 : n.get();
    }

    /** The run summary's line: how many requests, and what they cost (0.01 USD each). */
    @Override
    public String line(String runId, boolean demo) {
        long n = requests(runId);
        if (demo) return "Cost Explorer requests: " + n + " (demo estate: nothing called, nothing billed)";
        return "Cost Explorer requests: " + n + " (" + BigDecimal.valueOf(n).movePointLeft(2).toPlainString()
                + " USD at 0.01 USD each)";
    }

    private static String key(String runId) {
        return runId == null ? "" : runId;
    }
}
