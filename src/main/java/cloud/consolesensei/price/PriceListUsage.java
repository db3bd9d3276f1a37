package cloud.consolesensei.price;

import cloud.consolesensei.job.RunStatistic;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Counts the AWS Price List Query API calls (GetProducts pages) of each run and the prices answered
 * from the cache instead; the run summary prints them. The Price List Query API is free of charge.
 */
@Component
public class PriceListUsage implements RunStatistic {

    private final Map<String, long[]> counts = new ConcurrentHashMap<>();

    /** Counts one GetProducts call of run {@code runId}. */
    public void call(String runId) {
        add(runId, 0);
    }

    /** Counts one price answered from the cache in run {@code runId}. */
    public void cached(String runId) {
        add(runId, 1);
    }

    /** GetProducts calls of run {@code runId}. */
    public long calls(String runId) {
        return get(runId, 0);
    }

    /** Prices run {@code runId} took from the cache. */
    public long cachedPrices(String runId) {
        return get(runId, 1);
    }

    @Override
    public String line(String runId, boolean demo) {
        return "Price List requests: " + calls(runId) + " GetProducts call(s), " + cachedPrices(runId)
                + " price(s) from the cache" + (demo ? " (demo Price List)" : " (free of charge)");
    }

    private void add(String runId, int i) {
        long[] c = counts.computeIfAbsent(runId == null ? "" : runId, k -> new long[2]);
        synchronized (c) {
            c[i]++;
        }
    }

    private long get(String runId, int i) {
        long[] c = counts.get(runId == null ? "" : runId);
        if (c == null) return 0;
        synchronized (c) {
            return c[i];
        }
    }
}
