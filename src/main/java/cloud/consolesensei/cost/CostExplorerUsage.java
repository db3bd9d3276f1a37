package cloud.consolesensei.cost;

import cloud.consolesensei.job.PartitionCounted;
import cloud.consolesensei.job.RunUsage;

import java.math.BigDecimal;

import org.springframework.stereotype.Component;

/**
 * Counts the Cost Explorer requests made per run. AWS charges 0.01 USD for each
 * (GetCostAndUsage pages and GetCostForecast alike); the run summary prints the count, a remote
 * run's workers' requests included ({@link PartitionCounted}). Thread-safe.
 */
@Component
public class CostExplorerUsage extends RunUsage {

    /** The count's name (step execution context key {@code usage.cost-explorer-requests}). */
    public static final String REQUESTS = "cost-explorer-requests";

    public CostExplorerUsage() {
        super(REQUESTS);
    }

    /** Counts one request made for run {@code runId}. */
    public void record(String runId) {
        add(runId, 0, 1);
    }

    /** Cost Explorer requests made so far by run {@code runId} (0 when none). */
    public long requests(String runId) {
        return count(runId, 0);
    }

    /** The run summary's line: how many requests, and what they cost (0.01 USD each). */
    @Override
    public String line(String runId, boolean demo) {
        long n = requests(runId);
        if (demo) return "Cost Explorer requests: " + n + " (demo estate: nothing called, nothing billed)";
        return "Cost Explorer requests: " + n + " (" + BigDecimal.valueOf(n).movePointLeft(2).toPlainString()
                + " USD at 0.01 USD each)";
    }
}
