package cloud.consolesensei.billing;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckSettings;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.price.PriceTable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.budgets.model.Budget;
import software.amazon.awssdk.services.budgets.model.BudgetType;
import software.amazon.awssdk.services.budgets.model.CalculatedSpend;
import software.amazon.awssdk.services.budgets.model.Spend;
import software.amazon.awssdk.services.budgets.model.TimePeriod;
import software.amazon.awssdk.services.budgets.model.TimeUnit;

/** Boundary tests of each billing rule of checks.md, on SDK model objects (no I/O). */
class BudgetRulesTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 15);
    private final BudgetCheck exceeded = BudgetCheck.EXCEEDED;
    private final BudgetCheck forecast = BudgetCheck.FORECAST_EXCEEDED;

    private static CheckContext ctx(LocalDate asOf) {
        return new CheckContext("123456789012", "acct", "global", asOf,
                CheckSettings.defaults(List.of(BudgetCheck.EXCEEDED.definition(), BudgetCheck.FORECAST_EXCEEDED.definition())),
                new PriceTable(Map.of(), "test", asOf));
    }

    private static Spend spend(String amount, String unit) {
        return Spend.builder().amount(new BigDecimal(amount)).unit(unit).build();
    }

    private static Budget.Builder cost(TimeUnit unit, String limit, String actual, String forecast) {
        CalculatedSpend.Builder s = CalculatedSpend.builder().actualSpend(spend(actual, "USD"));
        if (forecast != null) s.forecastedSpend(spend(forecast, "USD"));
        return Budget.builder().budgetName("b").budgetType(BudgetType.COST).timeUnit(unit).budgetLimit(spend(limit, "USD"))
                .timePeriod(TimePeriod.builder().start(Instant.parse("2024-01-01T00:00:00Z"))
                        .end(Instant.parse("2087-06-15T00:00:00Z")).build())
                .calculatedSpend(s.build());
    }

    private List<String> fired(Budget b, LocalDate asOf) {
        List<Finding> all = new ArrayList<>(exceeded.evaluate(b, ctx(asOf)));
        all.addAll(forecast.evaluate(b, ctx(asOf)));
        return all.stream().map(f -> f.checkId() + " " + (f.monthlyCostUsd() == null ? "-" : f.monthlyCostUsd().toPlainString())).toList();
    }

    @Test
    void actualEqualToTheLimitDoesNotFireAndOneCentAboveDoes() {
        assertThat(fired(cost(TimeUnit.MONTHLY, "100.00", "100.00", "100.00").build(), AS_OF)).isEmpty();
        assertThat(fired(cost(TimeUnit.MONTHLY, "100.00", "100.01", "100.00").build(), AS_OF))
                .containsExactly("billing.budget_exceeded 0.01");
    }

    @Test
    void forecastEqualToTheLimitDoesNotFireAboveDoesAndAnExceededBudgetIsNotAlsoForecast() {
        assertThat(fired(cost(TimeUnit.MONTHLY, "100", "99.99", "100").build(), AS_OF)).isEmpty();
        assertThat(fired(cost(TimeUnit.MONTHLY, "100", "100", "100.01").build(), AS_OF))
                .containsExactly("billing.budget_forecast_exceeded 0.01");
        assertThat(fired(cost(TimeUnit.MONTHLY, "100", "150", "300").build(), AS_OF))
                .containsExactly("billing.budget_exceeded 50.00");
        assertThat(fired(cost(TimeUnit.MONTHLY, "100", "50", null).build(), AS_OF)).isEmpty();
    }

    @Test
    void onlyCostBudgetsAreJudged() {
        for (BudgetType t : List.of(BudgetType.USAGE, BudgetType.RI_UTILIZATION, BudgetType.SAVINGS_PLANS_COVERAGE)) {
            Budget b = cost(TimeUnit.MONTHLY, "100", "500", "900").budgetType(t).build();
            assertThat(fired(b, AS_OF)).as(t.toString()).isEmpty();
            assertThat(BudgetStanding.of(b, AS_OF).status()).isEqualTo(BudgetStanding.Status.NOT_EVALUATED);
        }
    }

    @Test
    void withoutCalculatedSpendNotEvaluated() {
        Budget b = cost(TimeUnit.MONTHLY, "100", "500", "900").calculatedSpend((CalculatedSpend) null).build();
        assertThat(fired(b, AS_OF)).isEmpty();
        assertThat(BudgetStanding.of(b, AS_OF).note()).contains("no CalculatedSpend");
    }

    @Test
    void aPeriodEndingAtTheAsOfDatesMidnightHasEndedOneSecondLaterHasNot() {
        Instant midnight = AS_OF.atStartOfDay(ZoneOffset.UTC).toInstant();
        Budget ended = cost(TimeUnit.MONTHLY, "100", "500", null)
                .timePeriod(TimePeriod.builder().start(Instant.parse("2026-01-01T00:00:00Z")).end(midnight).build()).build();
        assertThat(fired(ended, AS_OF)).isEmpty();
        assertThat(BudgetStanding.of(ended, AS_OF).note()).contains("ended");
        Budget running = cost(TimeUnit.MONTHLY, "100", "500", null)
                .timePeriod(TimePeriod.builder().start(Instant.parse("2026-01-01T00:00:00Z")).end(midnight.plusSeconds(1)).build())
                .build();
        assertThat(fired(running, AS_OF)).containsExactly("billing.budget_exceeded 400.00");
    }

    @Test
    void plannedLimitsUseTheEntryOfTheCurrentPeriodsStart() {
        long q4 = LocalDate.of(2026, 10, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long q1 = LocalDate.of(2027, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        Budget b = cost(TimeUnit.QUARTERLY, "999999", "1000", null)
                .plannedBudgetLimits(Map.of(String.valueOf(q4), spend("900", "USD"), String.valueOf(q1), spend("5000", "USD")))
                .build();
        assertThat(fired(b, AS_OF)).containsExactly("billing.budget_exceeded 100.00");
        // the last day of the quarter is still Q4; the first of January is Q1's limit
        assertThat(fired(b, LocalDate.of(2026, 12, 31))).containsExactly("billing.budget_exceeded 100.00");
        assertThat(fired(b, LocalDate.of(2027, 1, 1))).isEmpty();
        BudgetStanding january = BudgetStanding.of(b, LocalDate.of(2027, 1, 1));
        assertThat(january.limit().amount()).isEqualByComparingTo("5000");
        assertThat(january.periodLabel()).isEqualTo("2027-Q1");
    }

    @Test
    void plannedLimitsWithoutAnEntryForThePeriodAreNotEvaluated() {
        long dec = LocalDate.of(2026, 12, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        Budget b = cost(TimeUnit.MONTHLY, "10", "1000", null).plannedBudgetLimits(Map.of(String.valueOf(dec), spend("10", "USD"))).build();
        assertThat(fired(b, AS_OF)).isEmpty();
        assertThat(BudgetStanding.of(b, AS_OF).note()).contains("no planned limit for the period starting 2026-11-01");
        assertThat(fired(b, LocalDate.of(2026, 12, 1))).containsExactly("billing.budget_exceeded 990.00");
    }

    @Test
    void theCurrentPeriodIsTheCalendarDayMonthQuarterOrYearContainingTheAsOfDate() {
        LocalDate d = LocalDate.of(2028, 2, 29);
        assertThat(BudgetStanding.of(cost(TimeUnit.DAILY, "1", "0", null).build(), d).periodStart()).isEqualTo(d);
        assertThat(BudgetStanding.of(cost(TimeUnit.DAILY, "1", "0", null).build(), d).periodEnd()).isEqualTo(d.plusDays(1));
        assertThat(BudgetStanding.of(cost(TimeUnit.MONTHLY, "1", "0", null).build(), d).periodEnd()).isEqualTo(LocalDate.of(2028, 3, 1));
        assertThat(BudgetStanding.of(cost(TimeUnit.QUARTERLY, "1", "0", null).build(), d).periodStart()).isEqualTo(LocalDate.of(2028, 1, 1));
        assertThat(BudgetStanding.of(cost(TimeUnit.QUARTERLY, "1", "0", null).build(), LocalDate.of(2028, 4, 1)).periodStart())
                .isEqualTo(LocalDate.of(2028, 4, 1));
        BudgetStanding year = BudgetStanding.of(cost(TimeUnit.ANNUALLY, "1", "0", null).build(), d);
        assertThat(year.periodStart()).isEqualTo(LocalDate.of(2028, 1, 1));
        assertThat(year.periodEnd()).isEqualTo(LocalDate.of(2029, 1, 1));
        assertThat(year.periodLabel()).isEqualTo("2028");
    }

    @Test
    void amountsAreComparedInTheBudgetsUnitAndOnlyUsdFillsMonthlyCost() {
        Budget eur = Budget.builder().budgetName("eur").budgetType(BudgetType.COST).timeUnit(TimeUnit.MONTHLY)
                .budgetLimit(spend("100", "EUR"))
                .calculatedSpend(CalculatedSpend.builder().actualSpend(spend("120", "EUR")).build()).build();
        List<Finding> f = exceeded.evaluate(eur, ctx(AS_OF));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.monthlyCostUsd()).isNull();
            assertThat(x.resourceId()).isEqualTo("eur");
            assertThat(x.detail()).contains("120.00 EUR", "not in USD");
        });
        Budget mixed = Budget.builder().budgetName("mixed").budgetType(BudgetType.COST).timeUnit(TimeUnit.MONTHLY)
                .budgetLimit(spend("100", "USD"))
                .calculatedSpend(CalculatedSpend.builder().actualSpend(spend("120", "EUR")).build()).build();
        assertThat(fired(mixed, AS_OF)).isEmpty();
        assertThat(BudgetStanding.of(mixed, AS_OF).status()).isEqualTo(BudgetStanding.Status.NOT_EVALUATED);
    }

    @Test
    void theFindingNamesTheBudgetThePeriodAndTheExcess() {
        Finding f = exceeded.evaluate(cost(TimeUnit.MONTHLY, "1000", "1250.5", null).budgetName("team-a").build(), ctx(AS_OF)).get(0);
        assertThat(f.resourceId()).isEqualTo("team-a");
        assertThat(f.region()).isEqualTo("global");
        assertThat(f.service()).isEqualTo("budgets");
        assertThat(f.monthlyCostUsd()).isEqualByComparingTo("250.50");
        assertThat(f.detail()).isEqualTo("Actual spend 1,250.50 USD for the MONTHLY period 2026-11 is above the budget's"
                + " limit of 1,000.00 USD by 250.50 USD (125.1 % used so far).");
    }
}
