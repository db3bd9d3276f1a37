package cloud.consolesensei.price;

import cloud.consolesensei.job.PartitionCounted;
import cloud.consolesensei.job.RunUsage;

import org.springframework.stereotype.Component;

/**
 * Counts the AWS Price List Query API calls (GetProducts pages) of each run and the prices answered
 * from the cache instead; the run summary prints them, a remote run's workers' included
 * ({@link PartitionCounted}). The Price List Query API is free of charge. Thread-safe.
 */
@Component
public class PriceListUsage extends RunUsage {

    public PriceListUsage() {
        super("pricelist-calls", "pricelist-cached-prices");
    }

    /** Counts one GetProducts call of run {@code runId}. */
    public void call(String runId) {
        add(runId, 0, 1);
    }

    /** Counts one price answered from the cache in run {@code runId}. */
    public void cached(String runId) {
        add(runId, 1, 1);
    }

    /** GetProducts calls of run {@code runId}. */
    public long calls(String runId) {
        return count(runId, 0);
    }

    /** Prices run {@code runId} took from the cache. */
    public long cachedPrices(String runId) {
        return count(runId, 1);
    }

    @Override
    public String line(String runId, boolean demo) {
        return "Price List requests: " + calls(runId) + " GetProducts call(s), " + cachedPrices(runId)
                + " price(s) from the cache" + (demo ? " (demo Price List)" : " (free of charge)");
    }
}
