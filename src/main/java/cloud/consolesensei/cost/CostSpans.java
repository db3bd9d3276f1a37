package cloud.consolesensei.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The periods a {@link CostSnapshot} for an as-of date is made of, and its assembly from
 * {@link CostCache}. Shared by the reader (which first asks Cost Explorer for what the cache lacks)
 * and the Costs sheet (which reads only what the run stored).
 */
final class CostSpans {

    /** Complete calendar months read and shown. */
    static final int COMPLETE_MONTHS = 6;
    /** Days of daily cost shown in the Costs sheet (docs/checks.md: "daily cost for the last 30 days"). */
    static final int SHEET_DAYS = 30;

    /** A period [start, end) as Cost Explorer's TimePeriod. */
    record Span(LocalDate start, LocalDate end) {
    }

    private CostSpans() {
    }

    /** The 6 complete months before the as-of date's month, oldest first. */
    static List<Span> completeMonths(LocalDate asOf) {
        LocalDate first = asOf.withDayOfMonth(1);
        List<Span> out = new ArrayList<>();
        for (int i = COMPLETE_MONTHS; i >= 1; i--) {
            out.add(new Span(first.minusMonths(i), first.minusMonths(i - 1)));
        }
        return out;
    }

    /** First of the month to the as-of date (exclusive); empty on the first of a month (nothing to ask). */
    static Optional<Span> monthToDate(LocalDate asOf) {
        LocalDate first = asOf.withDayOfMonth(1);
        return first.equals(asOf) ? Optional.empty() : Optional.of(new Span(first, asOf));
    }

    /** The {@code n} days ending the day before the as-of date, oldest first. */
    static List<Span> days(LocalDate asOf, int n) {
        List<Span> out = new ArrayList<>();
        for (int i = n; i >= 1; i--) {
            out.add(new Span(asOf.minusDays(i), asOf.minusDays(i - 1)));
        }
        return out;
    }

    /** The forecast period: the as-of date to the first of the next month. */
    static Span forecast(LocalDate asOf) {
        return new Span(asOf, asOf.withDayOfMonth(1).plusMonths(1));
    }

    /**
     * The snapshot the cache holds for {@code asOf}: only copies usable on that day
     * ({@link CostCache.Stored#usableOn}); what is missing stays absent.
     */
    static CostSnapshot fromCache(CostCache cache, String accountId, String costScope, CostMetric metric,
                                  LocalDate asOf, int days, BigDecimal budgetUsd) {
        List<Span> monthSpans = completeMonths(asOf);
        Map<LocalDate, CostCache.Stored> monthly = cache.load(
                new CostCache.Series(accountId, costScope, metric, CostCache.Granularity.MONTHLY),
                monthSpans.get(0).start(), asOf.plusDays(1));
        List<CostPeriod> months = usable(monthly, monthSpans, asOf);
        CostPeriod mtd = monthToDate(asOf)
                .map(s -> usable(monthly, List.of(s), asOf).stream().findFirst().orElse(null))
                .orElseGet(() -> new CostPeriod(asOf, asOf, false, Map.of()));
        List<Span> daySpans = days(asOf, days);
        List<CostPeriod> daily = usable(cache.load(
                new CostCache.Series(accountId, costScope, metric, CostCache.Granularity.DAILY_USAGE),
                daySpans.get(0).start(), asOf), daySpans, asOf);
        Span f = forecast(asOf);
        CostCache.Stored fc = cache.load(new CostCache.Series(accountId, costScope, metric, CostCache.Granularity.FORECAST),
                f.start(), f.start().plusDays(1)).get(f.start());
        Money forecast = fc != null && fc.unavailable() == null && fc.usableOn(asOf, f.end())
                ? fc.period().amounts().get(CostPeriod.TOTAL) : null;
        return new CostSnapshot(accountId, metric, asOf, months, mtd, daily, forecast, budgetUsd);
    }

    private static List<CostPeriod> usable(Map<LocalDate, CostCache.Stored> stored, List<Span> wanted, LocalDate asOf) {
        List<CostPeriod> out = new ArrayList<>();
        for (Span w : wanted) {
            CostCache.Stored s = stored.get(w.start());
            if (s != null && s.usableOn(asOf, w.end())) out.add(s.period());
        }
        return out;
    }
}
