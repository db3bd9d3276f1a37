package cloud.consolesensei.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An instance's daily CloudWatch figures over a window (docs/checks.md, "Usage"): {@code AWS/EC2}
 * CPUUtilization (Average, percent), NetworkIn and NetworkOut (Sum, bytes), by InstanceId.
 *
 * @param window     the whole UTC days read
 * @param cpu        daily average CPU, percent
 * @param networkIn  daily bytes received
 * @param networkOut daily bytes sent
 * @param partial    true when CloudWatch still reported PartialData after the last page
 */
public record InstanceMetrics(MetricWindow window, DailySeries cpu, DailySeries networkIn, DailySeries networkOut,
                              boolean partial) {

    public static final String CPU = "CPUUtilization";
    public static final String NETWORK_IN = "NetworkIn";
    public static final String NETWORK_OUT = "NetworkOut";

    /** The three queries of one instance. */
    public static List<MetricQuery> queries(String instanceId) {
        return List.of(MetricQuery.instance(instanceId, CPU, "Average"),
                MetricQuery.instance(instanceId, NETWORK_IN, "Sum"),
                MetricQuery.instance(instanceId, NETWORK_OUT, "Sum"));
    }

    /** The instance's figures out of a batch's results. */
    public static InstanceMetrics of(MetricWindow window, MetricResults r, String instanceId) {
        return new InstanceMetrics(window, r.of(instanceId, CPU), r.of(instanceId, NETWORK_IN),
                r.of(instanceId, NETWORK_OUT), r.partial().contains(instanceId));
    }

    /**
     * One day's figures, each absent when CloudWatch had no datapoint.
     *
     * @param cpuPercent   daily average CPU, percent
     * @param networkBytes NetworkIn + NetworkOut, bytes; absent unless both exist
     */
    public record Day(LocalDate date, Optional<Double> cpuPercent, Optional<Double> networkBytes) {

        /** True when every value the rule names exists and is within both limits (inclusive). */
        public boolean idle(BigDecimal maxCpuPercent, BigDecimal maxNetworkBytes) {
            return cpuPercent.isPresent() && networkBytes.isPresent()
                    && BigDecimal.valueOf(cpuPercent.get()).compareTo(maxCpuPercent) <= 0
                    && BigDecimal.valueOf(networkBytes.get()).compareTo(maxNetworkBytes) <= 0;
        }
    }

    /** True when CloudWatch returned no datapoint at all: the instance is not evaluated. */
    public boolean noData() {
        return cpu.isEmpty() && networkIn.isEmpty() && networkOut.isEmpty();
    }

    /** Each day of the window, oldest first. */
    public List<Day> days() {
        List<Day> out = new ArrayList<>(window.days());
        for (LocalDate d : window.dates()) {
            Optional<Double> in = networkIn.on(d);
            Optional<Double> outBytes = networkOut.on(d);
            out.add(new Day(d, cpu.on(d), in.isPresent() && outBytes.isPresent()
                    ? Optional.of(in.get() + outBytes.get()) : Optional.empty()));
        }
        return out;
    }

    /** The idle days: CPU average at most {@code maxCpuPercent} and network at most {@code maxNetworkBytes}. */
    public List<Day> idleDays(BigDecimal maxCpuPercent, BigDecimal maxNetworkBytes) {
        return days().stream().filter(d -> d.idle(maxCpuPercent, maxNetworkBytes)).toList();
    }

    /** Mean of the daily CPU averages over the days that have one, percent; empty when none. */
    public Optional<Double> averageCpu() {
        return cpu.isEmpty() ? Optional.empty() : Optional.of(cpu.sum() / cpu.values().size());
    }
}
