package cloud.consolesensei.usage;

import java.time.LocalDate;
import java.util.List;

/**
 * A volume's daily CloudWatch figures over a window (docs/checks.md, "Usage"): {@code AWS/EBS}
 * VolumeReadOps and VolumeWriteOps (Sum, operations), by VolumeId.
 *
 * @param window   the whole UTC days read
 * @param readOps  daily read operations
 * @param writeOps daily write operations
 * @param partial  true when CloudWatch still reported PartialData after the last page
 */
public record VolumeMetrics(MetricWindow window, DailySeries readOps, DailySeries writeOps, boolean partial) {

    public static final String READ_OPS = "VolumeReadOps";
    public static final String WRITE_OPS = "VolumeWriteOps";

    /** The two queries of one volume. */
    public static List<MetricQuery> queries(String volumeId) {
        return List.of(MetricQuery.volume(volumeId, READ_OPS, "Sum"), MetricQuery.volume(volumeId, WRITE_OPS, "Sum"));
    }

    /** The volume's figures out of a batch's results. */
    public static VolumeMetrics of(MetricWindow window, MetricResults r, String volumeId) {
        return new VolumeMetrics(window, r.of(volumeId, READ_OPS), r.of(volumeId, WRITE_OPS),
                r.partial().contains(volumeId));
    }

    /** True when CloudWatch returned no datapoint at all: the volume is not evaluated. */
    public boolean noData() {
        return readOps.isEmpty() && writeOps.isEmpty();
    }

    /** Days of the window lacking a VolumeReadOps or a VolumeWriteOps datapoint. */
    public List<LocalDate> missingDays() {
        return window.dates().stream().filter(d -> readOps.on(d).isEmpty() || writeOps.on(d).isEmpty()).toList();
    }

    /** True when every day of the window has both datapoints and every one of them is 0: no I/O at all. */
    public boolean noIo() {
        return missingDays().isEmpty() && window.dates().stream()
                .allMatch(d -> readOps.on(d).get() == 0d && writeOps.on(d).get() == 0d);
    }
}
