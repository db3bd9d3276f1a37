package cloud.consolesensei.usage;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One metric's daily values over a {@link MetricWindow}: only the days CloudWatch returned a
 * datapoint for. A day without a datapoint is absent, never zero.
 *
 * @param values value per UTC day (units of the metric: percent, bytes, operations)
 */
public record DailySeries(Map<LocalDate, Double> values) {

    public DailySeries {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** A series with no datapoint. */
    public static DailySeries empty() {
        return new DailySeries(Map.of());
    }

    /** The day's value, if CloudWatch returned one. */
    public Optional<Double> on(LocalDate day) {
        return Optional.ofNullable(values.get(day));
    }

    /** True when no day has a datapoint. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Sum of the values present (0 when none). */
    public double sum() {
        return values.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
