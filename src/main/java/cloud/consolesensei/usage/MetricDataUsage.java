package cloud.consolesensei.usage;

import cloud.consolesensei.job.PartitionCounted;
import cloud.consolesensei.job.RunUsage;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.stereotype.Component;

/**
 * Counts the GetMetricData calls of each run and the metrics they requested. CloudWatch bills
 * GetMetricData per metric requested (0.01 USD per 1,000 metrics in us-east-1, Amazon CloudWatch
 * pricing); every page of a call asks for its queries again, so each page counts its queries.
 * A remote run's workers' calls are counted too ({@link PartitionCounted}). Thread-safe.
 */
@Component
public class MetricDataUsage extends RunUsage {

    /** USD per 1,000 metrics requested (us-east-1; most regions charge the same). */
    public static final BigDecimal USD_PER_THOUSAND = new BigDecimal("0.01");

    public MetricDataUsage() {
        super("getmetricdata-calls", "metrics-requested");
    }

    /** Counts one GetMetricData call (one page) of run {@code runId} that asked for {@code metrics} queries. */
    public void record(String runId, int metrics) {
        add(runId, 0, 1);
        add(runId, 1, metrics);
    }

    /** GetMetricData calls made so far by run {@code runId}. */
    public long calls(String runId) {
        return count(runId, 0);
    }

    /** Metrics requested so far by run {@code runId}. */
    public long metrics(String runId) {
        return count(runId, 1);
    }

    /** The run summary's line: calls, metrics requested and what they cost. */
    @Override
    public String line(String runId, boolean demo) {
        long calls = calls(runId);
        long metrics = metrics(runId);
        String head = "CloudWatch GetMetricData: " + calls + " call(s), " + metrics + " metrics requested";
        if (demo) return head + " (demo estate: nothing called, nothing billed)";
        BigDecimal usd = USD_PER_THOUSAND.multiply(BigDecimal.valueOf(metrics))
                .divide(BigDecimal.valueOf(1000), 5, RoundingMode.HALF_UP).stripTrailingZeros();
        return head + " (" + usd.toPlainString() + " USD at " + USD_PER_THOUSAND.toPlainString()
                + " USD per 1,000 metrics)";
    }
}
