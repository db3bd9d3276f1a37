package cloud.consolesensei.demo;

import cloud.consolesensei.aws.AccountTarget;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.budgets.BudgetsClient;
import software.amazon.awssdk.services.budgets.model.Budget;
import software.amazon.awssdk.services.budgets.model.BudgetType;
import software.amazon.awssdk.services.budgets.model.CalculatedSpend;
import software.amazon.awssdk.services.budgets.model.DescribeBudgetsRequest;
import software.amazon.awssdk.services.budgets.model.DescribeBudgetsResponse;
import software.amazon.awssdk.services.budgets.model.Spend;
import software.amazon.awssdk.services.budgets.model.TimePeriod;
import software.amazon.awssdk.services.budgets.model.TimeUnit;

/**
 * Demo fake of {@link BudgetsClient} ({@code DescribeBudgets}, two budgets a page). Budgets of each kind
 * the billing rules name, dated from the as-of date:
 * <ul>
 *   <li>demo-production: {@code prod-compute-monthly} (COST, MONTHLY, 5,000 USD, actual 5,380.25:
 *       {@code billing.budget_exceeded}); {@code prod-quarterly-plan} (COST, QUARTERLY with
 *       PlannedBudgetLimits, this quarter 25,000 USD, actual 17,950.40, forecast 26,410.75:
 *       {@code billing.budget_forecast_exceeded}); {@code prod-ec2-hours} (USAGE, 4,000 Hrs, actual
 *       6,120: ignored, only COST budgets are judged); {@code prod-migration-2025} (COST, CUSTOM, ended
 *       before the as-of date: not evaluated);</li>
 *   <li>demo-staging: {@code staging-monthly} (COST, MONTHLY, 1,500 USD, actual 950.10, forecast
 *       1,420.00: within); {@code staging-daily-guard} (COST, DAILY, 60 USD, actual exactly 60.00: equal to
 *       the limit, which is not above it).</li>
 * </ul>
 */
final class DemoBudgets {

    /** The SDK interface with the demo's shared parts ({@link DemoClient}). */
    private interface Fake extends BudgetsClient, DemoClient {
    }

    private static final int PAGE = 2;

    private DemoBudgets() {
    }

    static BudgetsClient client(AccountTarget account, LocalDate asOf) {
        List<Budget> budgets = DemoEstate.STAGING.id().equals(account.id()) ? staging(asOf) : production(asOf);
        return new Fake() {
            @Override
            public DescribeBudgetsResponse describeBudgets(DescribeBudgetsRequest request) {
                DemoPage<Budget> page = DemoPage.of(budgets, request.nextToken(), PAGE);
                return DescribeBudgetsResponse.builder().budgets(page.items()).nextToken(page.nextToken()).build();
            }
        };
    }

    private static List<Budget> production(LocalDate asOf) {
        LocalDate quarter = asOf.withDayOfMonth(1).withMonth((asOf.getMonthValue() - 1) / 3 * 3 + 1);
        Map<String, Spend> planned = new LinkedHashMap<>();
        String[] limits = {"25000.0", "26000.0", "27000.0", "27500.0"};
        for (int i = 0; i < limits.length; i++) {
            planned.put(String.valueOf(quarter.plusMonths(3L * i).atStartOfDay(ZoneOffset.UTC).toEpochSecond()), usd(limits[i]));
        }
        List<Budget> out = new ArrayList<>();
        out.add(cost("prod-compute-monthly", TimeUnit.MONTHLY, "5000.0", "5380.25", "6120.0")
                .costFilters(Map.of("Service", List.of("Amazon Elastic Compute Cloud - Compute"))).build());
        out.add(cost("prod-quarterly-plan", TimeUnit.QUARTERLY, "25000.0", "17950.4", "26410.75")
                .plannedBudgetLimits(planned).build());
        out.add(Budget.builder().budgetName("prod-ec2-hours").budgetType(BudgetType.USAGE).timeUnit(TimeUnit.MONTHLY)
                .budgetLimit(Spend.builder().amount(new BigDecimal("4000.0")).unit("Hrs").build())
                .timePeriod(open())
                .calculatedSpend(CalculatedSpend.builder()
                        .actualSpend(Spend.builder().amount(new BigDecimal("6120.0")).unit("Hrs").build()).build())
                .build());
        out.add(cost("prod-migration-2025", TimeUnit.CUSTOM, "12000.0", "14250.0", null)
                .timePeriod(TimePeriod.builder().start(instant(asOf.minusMonths(9).withDayOfMonth(1)))
                        .end(instant(asOf.minusMonths(3).withDayOfMonth(1))).build()).build());
        return out;
    }

    private static List<Budget> staging(LocalDate asOf) {
        return List.of(cost("staging-monthly", TimeUnit.MONTHLY, "1500.0", "950.1", "1420.0").build(),
                cost("staging-daily-guard", TimeUnit.DAILY, "60.0", "60.0", "60.0").build());
    }

    private static Budget.Builder cost(String name, TimeUnit unit, String limit, String actual, String forecast) {
        CalculatedSpend.Builder spend = CalculatedSpend.builder().actualSpend(usd(actual));
        if (forecast != null) spend.forecastedSpend(usd(forecast));
        return Budget.builder().budgetName(name).budgetType(BudgetType.COST).timeUnit(unit).budgetLimit(usd(limit))
                .timePeriod(open()).calculatedSpend(spend.build());
    }

    /** AWS's default period of a budget created without an end: from 2024-01-01 to 2087-06-15. */
    private static TimePeriod open() {
        return TimePeriod.builder().start(Instant.parse("2024-01-01T00:00:00Z")).end(Instant.parse("2087-06-15T00:00:00Z")).build();
    }

    private static Spend usd(String amount) {
        return Spend.builder().amount(new BigDecimal(amount)).unit("USD").build();
    }

    private static Instant instant(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
