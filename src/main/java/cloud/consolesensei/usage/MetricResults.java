package cloud.consolesensei.usage;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What GetMetricData returned for a batch of {@link MetricQuery}s: each resource's daily series by
 * metric name, and the resources whose data could not be read (a failed call, or a query answered
 * {@code Forbidden} or {@code InternalError}), with why. A resource absent from both had no
 * datapoint at all.
 *
 * @param series     resource id to metric name to its series (only metrics with datapoints)
 * @param unreadable resource id to the reason its metrics are unknown
 * @param partial    resource ids with a query still {@code PartialData} after the last page
 */
public record MetricResults(Map<String, Map<String, DailySeries>> series, Map<String, String> unreadable,
                            Set<String> partial) {

    public MetricResults {
        Map<String, Map<String, DailySeries>> copy = new HashMap<>();
        series.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        series = Map.copyOf(copy);
        unreadable = Map.copyOf(unreadable);
        partial = Set.copyOf(partial);
    }

    /** The series of {@code metricName} for {@code resourceId}; empty when CloudWatch returned no datapoint. */
    public DailySeries of(String resourceId, String metricName) {
        Map<String, DailySeries> m = series.get(resourceId);
        DailySeries s = m == null ? null : m.get(metricName);
        return s == null ? DailySeries.empty() : s;
    }

    /** Why the resource's metrics are unknown, or {@code null} when they were read. */
    public String unreadable(String resourceId) {
        return unreadable.get(resourceId);
    }
}
