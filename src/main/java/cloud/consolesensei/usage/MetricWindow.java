package cloud.consolesensei.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Whole UTC days read from CloudWatch: the {@code days} complete days before the as-of date, from
 * {@link #first()} 00:00 UTC up to (excluding) the as-of date's 00:00 UTC, at one datapoint per
 * day (period {@value #PERIOD_SECONDS} s). The as-of day itself is never in it: it is not complete.
 *
 * @param first first day of the window (UTC)
 * @param end   the as-of date: the window ends at its 00:00 UTC, exclusive
 */
public record MetricWindow(LocalDate first, LocalDate end) {

    /** One datapoint per UTC day. */
    public static final int PERIOD_SECONDS = 86_400;

    public MetricWindow {
        if (!first.isBefore(end)) throw new IllegalArgumentException("empty metric window " + first + ".." + end);
    }

    /** The {@code days} complete UTC days before {@code asOf}. @throws IllegalArgumentException if days < 1 */
    public static MetricWindow before(LocalDate asOf, int days) {
        if (days < 1) throw new IllegalArgumentException("a metric window needs at least one day, not " + days);
        return new MetricWindow(asOf.minusDays(days), asOf);
    }

    /** Number of days in the window. */
    public int days() {
        return (int) (end.toEpochDay() - first.toEpochDay());
    }

    /** Last day of the window (the day before the as-of date). */
    public LocalDate last() {
        return end.minusDays(1);
    }

    /** GetMetricData StartTime: the first day's 00:00 UTC. */
    public Instant startTime() {
        return first.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** GetMetricData EndTime: the as-of date's 00:00 UTC. */
    public Instant endTime() {
        return end.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The UTC day a datapoint's timestamp belongs to, when it is inside the window; else {@code null}. */
    public LocalDate dayOf(Instant timestamp) {
        LocalDate d = timestamp.atZone(ZoneOffset.UTC).toLocalDate();
        return d.isBefore(first) || !d.isBefore(end) ? null : d;
    }

    /** Every day of the window, oldest first. */
    public List<LocalDate> dates() {
        return first.datesUntil(end).toList();
    }

    /** {@code 2026-11-15 to 2026-11-28 UTC}. */
    @Override
    public String toString() {
        return first + " to " + last() + " UTC";
    }
}
