package cloud.consolesensei.billing;

import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.check.MoneyKind;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.util.List;

import software.amazon.awssdk.services.budgets.model.Budget;

/**
 * {@code billing.budget_forecast_exceeded} (docs/checks.md, Billing v2): a COST budget not yet exceeded
 * whose forecasted spend (CalculatedSpend.ForecastedSpend) for the current period is above its
 * limit ({@link BudgetStanding}). Resource id: the budget name; {@code monthly_cost_usd}: forecast -
 * limit, for USD budgets only. A budget without a forecast is not judged by this check.
 */
public final class BudgetForecastExceededCheck implements Check<Budget> {

    public static final String ID = "billing.budget_forecast_exceeded";

    static final CheckDefinition DEFINITION = new CheckDefinition(ID,
            "AWS Budgets budget forecast to exceed", Severity.MEDIUM, BudgetSource.SERVICE, "AWS Budgets budget",
            "a COST budget not yet exceeded whose forecasted spend for the period is above its limit.",
            "forecast - limit (USD budgets only)",
            "At the current pace the period's spend will pass the limit set in AWS Budgets before the period ends.",
            "Console: Billing and Cost Management > Budgets, open the budget to see the forecast and Cost Explorer to find "
                    + "what drives it; act before the period ends, or raise the limit if the spend is agreed. "
                    + "AWS CLI: aws budgets describe-budget --account-id <account> --budget-name <name>",
            List.of(BudgetSource.ACTION),
            List.of("AWS Budgets API Reference: DescribeBudgets", "AWS Cost Management User Guide: Managing your costs with AWS Budgets"),
            List.of(),
            MoneyKind.COST_ALERT);

    @Override
    public CheckDefinition definition() {
        return DEFINITION;
    }

    @Override
    public List<Finding> evaluate(Budget budget, CheckContext ctx) {
        BudgetStanding s = BudgetStanding.of(budget, ctx.asOf());
        if (s.status() != BudgetStanding.Status.FORECAST_EXCEEDED) return List.of();
        return List.of(BudgetFindings.finding(DEFINITION, s, s.forecast(), "Forecasted spend", ctx));
    }
}
