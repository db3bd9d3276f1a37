package cloud.consolesensei.cost;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import cloud.consolesensei.job.RunStatistic;

import org.springframework.stereotype.Component;

/**
 * Counts the Cost Explorer requests made per run. AWS charges 0.01 USD for each
 * (GetCostAndUsage pages and GetCostForecast alike); the run summary prints the count.
 * Thread-safe; counts live in memory for the life of the process.
 */
@Component
public class CostExplorerUsage implements RunStatistic {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    /** Counts one request made for run {@code runId}. */
    public void record(String runId) {
        counts.computeIfAbsent(key(runId), k -> new AtomicLong()).incrementAndGet();
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
        return "Cost Explorer requests: " + n + " (" + java.math.BigDecimal.valueOf(n).movePointLeft(2).toPlainString()
                + " USD at 0.01 USD each)";
    }

    private static String key(String runId) {
        return runId == null ? "" : runId;
    }
}
