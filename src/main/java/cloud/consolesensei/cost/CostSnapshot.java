package cloud.consolesensei.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What Cost Explorer said about one account for one as-of date: the item the cost source yields
 * and the three cost checks judge. Parts that could not be read (a coverage gap) are absent, and
 * the checks that need them say nothing.
 *
 * @param accountId   12-digit AWS account ID
 * @param metric      the metric the amounts are of
 * @param asOf        as-of date (UTC)
 * @param months      complete calendar months by SERVICE, oldest first (up to 6); empty when unread
 * @param monthToDate by SERVICE from the first of the as-of month to the as-of date (exclusive); an
 *                    empty period when the as-of date is the first; {@code null} when unread
 * @param days        total daily cost, oldest first, ending the day before the as-of date; empty when unread
 * @param forecast    GetCostForecast for the as-of date to the first of next month, or {@code null}
 *                    when unread or unavailable
 * @param budgetUsd   the account's configured monthly budget in USD, or {@code null}
 */
public record CostSnapshot(String accountId, CostMetric metric, LocalDate asOf, List<CostPeriod> months,
                           CostPeriod monthToDate, List<CostPeriod> days, Money forecast, BigDecimal budgetUsd) {

    public CostSnapshot {
        months = List.copyOf(months);
        days = List.copyOf(days);
    }

    /** The complete month starting on {@code firstDay}, if read. */
    public Optional<CostPeriod> month(LocalDate firstDay) {
        return months.stream().filter(p -> p.start().equals(firstDay)).findFirst();
    }

    /** The last complete month: the calendar month before the as-of date's month. */
    public Optional<CostPeriod> lastMonth() {
        return month(asOf.withDayOfMonth(1).minusMonths(1));
    }

    /** The month before {@link #lastMonth()}. */
    public Optional<CostPeriod> monthBeforeLast() {
        return month(asOf.withDayOfMonth(1).minusMonths(2));
    }

    /** The day {@code day}, if read. */
    public Optional<CostPeriod> day(LocalDate day) {
        return days.stream().filter(p -> p.start().equals(day)).findFirst();
    }

    /**
     * Month-end forecast in USD: month to date plus the forecast for the rest of the month; empty when
     * either is unknown or not in USD.
     */
    public Optional<BigDecimal> monthEndForecastUsd() {
        if (monthToDate == null || forecast == null || !forecast.isUsd()) return Optional.empty();
        BigDecimal mtd = monthToDate.usdTotal();
        return mtd == null ? Optional.empty() : Optional.of(mtd.add(forecast.amount()));
    }
}
