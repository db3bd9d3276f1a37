package cloud.consolesensei.cost;

import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.check.MoneyKind;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * {@code cost.forecast_over_budget} (docs/checks.md): the month-end forecast (month-to-date actual cost
 * plus GetCostForecast from the as-of date to the first of the next month) is above the account's
 * configured monthly budget (USD). Not evaluated without a budget, or when the forecast is unknown
 * (a coverage gap: DataUnavailableException and the like) or not in USD.
 * Resource id: the account id; monthly_cost_usd: forecast - budget.
 */
public final class ForecastOverBudgetCheck extends CatalogCheck<CostSnapshot> {

    public static final String ID = "cost.forecast_over_budget";

    static final CheckDefinition DEFINITION = new CheckDefinition(ID,
            "Month-end cost forecast above budget", Severity.HIGH, CostExplorerReader.SERVICE, "AWS account",
            "month-end forecast (GetCostForecast) above the account's configured monthly budget. The "
                    + "month-end forecast is month-to-date actual cost plus GetCostForecast from the as-of date to the "
                    + "first day of the next month. `cost.forecast_over_budget`'s month-to-date actual cost includes "
                    + "every record type; only `cost.daily_anomaly` leaves the lump-sum types out. A forecast Cost "
                    + "Explorer cannot make (`DataUnavailableException`: too little history) is an INFO coverage gap "
                    + "and `cost.forecast_over_budget` is not evaluated for that account.",
            "forecast - budget",
            "At the current pace the month's bill will exceed the budget agreed for the account.",
            "Console: Billing and Cost Management > Cost Explorer, this month by Service and by day, to find what drives the pace; "
                    + "stop or right-size it, or raise the budget (consolesensei accounts[].monthly-budget-usd) if the spend is expected. "
                    + "Consider an AWS Budgets alert. AWS CLI: aws ce get-cost-forecast --time-period Start=<today>,End=<first of next month> "
                    + "--metric UNBLENDED_COST --granularity MONTHLY",
            List.of("ce:GetCostAndUsage", "ce:GetCostForecast"),
            List.of("AWS Cost Explorer API Reference: GetCostForecast", "AWS Cost Management User Guide: Forecasting with Cost Explorer"),
            List.of(),
            MoneyKind.COST_ALERT);

    public ForecastOverBudgetCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(CostSnapshot s, CheckContext ctx) {
        BigDecimal budget = s.budgetUsd();
        if (budget == null) return List.of();
        Optional<BigDecimal> forecast = s.monthEndForecastUsd();
        if (forecast.isEmpty() || forecast.get().compareTo(budget) <= 0) return List.of();
        BigDecimal over = forecast.get().subtract(budget);
        String detail = "Month-end forecast for " + YearMonth.from(s.asOf()) + " is " + CostFormat.usd(forecast.get())
                + " (month to date " + CostFormat.usd(s.monthToDate().usdTotal())
                + (s.monthToDate().estimated() ? ", estimated" : "") + " + forecast "
                + CostFormat.usd(s.forecast().amount()) + " to month end; " + s.metric().apiName()
                + "), above the monthly budget of " + CostFormat.usd(budget) + " by "
                + CostFormat.usd(over) + ".";
        return List.of(finding(ctx, s.accountId()).detail(detail).monthlyCostUsd(over).build());
    }
}
