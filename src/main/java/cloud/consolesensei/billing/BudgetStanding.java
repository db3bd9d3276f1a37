package cloud.consolesensei.billing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import software.amazon.awssdk.services.budgets.model.Budget;
import software.amazon.awssdk.services.budgets.model.BudgetType;
import software.amazon.awssdk.services.budgets.model.Spend;
import software.amazon.awssdk.services.budgets.model.TimeUnit;

/**
 * Where one AWS Budgets budget stands on the as-of date, by the billing rules of docs/checks.md: the one
 * judgement both billing checks and the Budgets table of the Billing sheet read.
 * <ul>
 *   <li>Only {@code COST} budgets are judged.</li>
 *   <li>The current period is the calendar day, month, quarter or year ({@code TimeUnit} DAILY,
 *       MONTHLY, QUARTERLY, ANNUALLY) containing the as-of date (UTC); a CUSTOM budget's period is its
 *       own {@code TimePeriod}. {@code CalculatedSpend} is taken as that period's.</li>
 *   <li>The limit is {@code BudgetLimit}, or for a budget with {@code PlannedBudgetLimits} the entry
 *       keyed by the current period's start (epoch seconds, UTC midnight, as the Budgets API keys them).</li>
 *   <li>Not evaluated: no {@code CalculatedSpend}; {@code TimePeriod.End} at or before the as-of
 *       date's 00:00 UTC (ended); planned limits without an entry for the period; amounts in another
 *       unit than the limit's (amounts are compared in the budget's own unit, never converted).</li>
 *   <li>Equal to the limit is not above it.</li>
 * </ul>
 * Source: AWS Budgets API Reference, DescribeBudgets and the Budget, Spend, CalculatedSpend and
 * TimePeriod data types.
 *
 * @param name        BudgetName (the findings' resource id)
 * @param type        BudgetType as AWS gives it ({@code COST}, {@code USAGE}, ...)
 * @param timeUnit    TimeUnit as AWS gives it
 * @param periodStart first day of the current period (UTC), or {@code null} when it has none
 * @param periodEnd   first day after the current period (exclusive), or {@code null}
 * @param limit       the period's limit, or {@code null} when there is none
 * @param actual      CalculatedSpend.ActualSpend, or {@code null}
 * @param forecast    CalculatedSpend.ForecastedSpend, or {@code null}
 * @param status      the verdict
 * @param note        why the budget was not evaluated, or what was compared; never {@code null}
 */
public record BudgetStanding(String name, String type, String timeUnit, LocalDate periodStart, LocalDate periodEnd,
                             Spend limit, Spend actual, Spend forecast, Status status, String note) {

    /** A budget's verdict. */
    public enum Status {
        /** Actual spend above the limit: {@code billing.budget_exceeded}. */
        EXCEEDED("Exceeded"),
        /** Not exceeded, forecast above the limit: {@code billing.budget_forecast_exceeded}. */
        FORECAST_EXCEEDED("Forecast over"),
        /** Within its limit, actual and forecast. */
        OK("OK"),
        /** Not judged (not a COST budget, ended, no figures, no limit for the period, other unit). */
        NOT_EVALUATED("Not evaluated");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** The word the Billing sheet and email show. */
        public String label() {
            return label;
        }
    }

    /** Judges {@code b} on {@code asOf} (UTC). Pure: no clock, no I/O. */
    public static BudgetStanding of(Budget b, LocalDate asOf) {
        String type = b.budgetTypeAsString();
        String unit = b.timeUnitAsString();
        LocalDate[] period = period(b, asOf);
        LocalDate start = period == null ? null : period[0];
        LocalDate end = period == null ? null : period[1];
        Spend limit = start == null ? b.budgetLimit() : limit(b, start);
        Spend actual = b.calculatedSpend() == null ? null : b.calculatedSpend().actualSpend();
        Spend forecast = b.calculatedSpend() == null ? null : b.calculatedSpend().forecastedSpend();
        String why = notEvaluated(b, asOf, start, limit, actual);
        if (why != null) {
            return new BudgetStanding(b.budgetName(), type, unit, start, end, limit, actual, forecast, Status.NOT_EVALUATED, why);
        }
        if (actual.amount().compareTo(limit.amount()) > 0) {
            return new BudgetStanding(b.budgetName(), type, unit, start, end, limit, actual, forecast, Status.EXCEEDED,
                    "actual above the limit");
        }
        if (forecast != null && forecast.amount() != null && sameUnit(forecast, limit)
                && forecast.amount().compareTo(limit.amount()) > 0) {
            return new BudgetStanding(b.budgetName(), type, unit, start, end, limit, actual, forecast,
                    Status.FORECAST_EXCEEDED, "forecast above the limit");
        }
        String note = forecast == null || forecast.amount() == null ? "within the limit (no forecast from AWS Budgets)"
                : !sameUnit(forecast, limit) ? "within the limit (forecast in " + forecast.unit() + ", limit in "
                + limit.unit() + ": not compared)" : "within the limit";
        return new BudgetStanding(b.budgetName(), type, unit, start, end, limit, actual, forecast, Status.OK, note);
    }

    /** Actual spend as a share of the limit (1 = 100 %), or {@code null} when it cannot be computed. */
    public BigDecimal usedShare() {
        if (limit == null || actual == null || limit.amount() == null || actual.amount() == null
                || limit.amount().signum() == 0 || !sameUnit(actual, limit)) {
            return null;
        }
        return actual.amount().divide(limit.amount(), MathContext.DECIMAL64);
    }

    /** The period in words: "2026-12", "2026-Q4", "2026", "2026-12-05" or "2026-01-01 to 2026-06-30". */
    public String periodLabel() {
        if (periodStart == null) return "";
        return switch (timeUnit == null ? "" : timeUnit) {
            case "DAILY" -> periodStart.toString();
            case "MONTHLY" -> periodStart.toString().substring(0, 7);
            case "QUARTERLY" -> periodStart.getYear() + "-Q" + ((periodStart.getMonthValue() - 1) / 3 + 1);
            case "ANNUALLY" -> String.valueOf(periodStart.getYear());
            default -> periodStart + " to " + (periodEnd == null ? "open end" : periodEnd.minusDays(1).toString());
        };
    }

    private static String notEvaluated(Budget b, LocalDate asOf, LocalDate start, Spend limit, Spend actual) {
        if (b.budgetType() != BudgetType.COST) return b.budgetTypeAsString() + " budget: only COST budgets are judged";
        if (b.timePeriod() != null && b.timePeriod().end() != null
                && !b.timePeriod().end().isAfter(asOf.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            return "ended on " + day(b.timePeriod().end()) + ", before the as-of date";
        }
        if (start == null) return "the as-of date is outside the budget's time period";
        if (b.calculatedSpend() == null || actual == null || actual.amount() == null) {
            return "AWS Budgets gave no CalculatedSpend for the period";
        }
        if (limit == null || limit.amount() == null) {
            return b.hasPlannedBudgetLimits() && !b.plannedBudgetLimits().isEmpty()
                    ? "no planned limit for the period starting " + start : "no BudgetLimit";
        }
        if (!sameUnit(actual, limit)) {
            return "actual in " + actual.unit() + ", limit in " + limit.unit() + ": amounts of different units are not compared";
        }
        return null;
    }

    /** The current period [start, end), or {@code null} when the as-of date is outside a CUSTOM budget's period. */
    private static LocalDate[] period(Budget b, LocalDate asOf) {
        TimeUnit u = b.timeUnit();
        if (u == null) return null;
        return switch (u) {
            case DAILY -> new LocalDate[] {asOf, asOf.plusDays(1)};
            case MONTHLY -> new LocalDate[] {asOf.withDayOfMonth(1), asOf.withDayOfMonth(1).plusMonths(1)};
            case QUARTERLY -> {
                LocalDate q = asOf.withDayOfMonth(1).withMonth((asOf.getMonthValue() - 1) / 3 * 3 + 1);
                yield new LocalDate[] {q, q.plusMonths(3)};
            }
            case ANNUALLY -> new LocalDate[] {asOf.withDayOfYear(1), asOf.withDayOfYear(1).plusYears(1)};
            default -> {
                if (b.timePeriod() == null || b.timePeriod().start() == null) yield null;
                LocalDate s = day(b.timePeriod().start());
                LocalDate e = b.timePeriod().end() == null ? null : day(b.timePeriod().end());
                yield s.isAfter(asOf) || e != null && !e.isAfter(asOf) ? null : new LocalDate[] {s, e};
            }
        };
    }

    /** BudgetLimit, or the PlannedBudgetLimits entry whose key (epoch seconds) is {@code start}'s midnight UTC. */
    private static Spend limit(Budget b, LocalDate start) {
        if (!b.hasPlannedBudgetLimits() || b.plannedBudgetLimits().isEmpty()) return b.budgetLimit();
        long key = start.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        for (Map.Entry<String, Spend> e : b.plannedBudgetLimits().entrySet()) {
            try {
                if (Long.parseLong(e.getKey().trim()) == key) return e.getValue();
            } catch (NumberFormatException ignored) {
                // a key that is not epoch seconds names no period
            }
        }
        return null;
    }

    private static boolean sameUnit(Spend a, Spend b) {
        return a.unit() == null ? b.unit() == null : a.unit().equals(b.unit());
    }

    private static LocalDate day(Instant i) {
        return i.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
