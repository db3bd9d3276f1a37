package cloud.consolesensei.billing;

import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.check.MoneyKind;
import cloud.consolesensei.cost.CostFormat;
import cloud.consolesensei.cost.Money;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import software.amazon.awssdk.services.budgets.model.Budget;
import software.amazon.awssdk.services.budgets.model.Spend;

/**
 * The two budget checks (docs/checks.md, billing): one rule, judged on a budget's
 * {@link BudgetStanding}, firing on one of its statuses.
 * <ul>
 *   <li>{@link #EXCEEDED} ({@code billing.budget_exceeded}): a COST budget's actual spend for its
 *       current period is above its limit (equal is not above); {@code monthly_cost_usd}: actual -
 *       limit;</li>
 *   <li>{@link #FORECAST_EXCEEDED} ({@code billing.budget_forecast_exceeded}): a COST budget not yet
 *       exceeded whose forecasted spend (CalculatedSpend.ForecastedSpend) is above its limit;
 *       {@code monthly_cost_usd}: forecast - limit. A budget without a forecast is not judged.</li>
 * </ul>
 * Resource id: the budget name; region {@code global}; {@code monthly_cost_usd} for USD budgets only
 * (the period's excess as it is; the detail names the period). Cost alerts, never savings.
 *
 * @param definition the check's catalog entry
 * @param fires      the standing that makes a finding
 * @param compared   the spend compared with the limit (actual or forecast), in the limit's unit
 * @param what       how the detail names that spend ("Actual spend", "Forecasted spend")
 */
record BudgetCheck(CheckDefinition definition, BudgetStanding.Status fires, Function<BudgetStanding, Spend> compared,
                   String what) implements Check<Budget> {

    private static final List<String> ACTIONS = List.of(BudgetSource.ACTION);
    private static final List<String> REFERENCES = List.of("AWS Budgets API Reference: DescribeBudgets",
            "AWS Cost Management User Guide: Managing your costs with AWS Budgets");

    /** {@code billing.budget_exceeded}. */
    static final BudgetCheck EXCEEDED = new BudgetCheck(new CheckDefinition("billing.budget_exceeded",
            "AWS Budgets budget exceeded", Severity.HIGH, BudgetSource.SERVICE, "AWS Budgets budget",
            "a COST budget's actual spend for its current period is above its limit.",
            "actual - limit (USD budgets only)",
            "The period's actual spend is already above the limit the account's owners set in AWS Budgets.",
            "Console: Billing and Cost Management > Budgets, open the budget and its Cost Explorer view to find what "
                    + "drives the spend; stop or right-size it, or raise the limit if the spend is agreed. "
                    + "AWS CLI: aws budgets describe-budget --account-id <account> --budget-name <name>",
            ACTIONS, REFERENCES, List.of(),
            MoneyKind.COST_ALERT), BudgetStanding.Status.EXCEEDED, BudgetStanding::actual, "Actual spend");

    /** {@code billing.budget_forecast_exceeded}. */
    static final BudgetCheck FORECAST_EXCEEDED = new BudgetCheck(new CheckDefinition("billing.budget_forecast_exceeded",
            "AWS Budgets budget forecast to exceed", Severity.MEDIUM, BudgetSource.SERVICE, "AWS Budgets budget",
            "a COST budget not yet exceeded whose forecasted spend for the period is above its limit.",
            "forecast - limit (USD budgets only)",
            "At the current pace the period's spend will pass the limit set in AWS Budgets before the period ends.",
            "Console: Billing and Cost Management > Budgets, open the budget to see the forecast and Cost Explorer to find "
                    + "what drives it; act before the period ends, or raise the limit if the spend is agreed. "
                    + "AWS CLI: aws budgets describe-budget --account-id <account> --budget-name <name>",
            ACTIONS, REFERENCES, List.of(),
            MoneyKind.COST_ALERT), BudgetStanding.Status.FORECAST_EXCEEDED, BudgetStanding::forecast, "Forecasted spend");

    @Override
    public List<Finding> evaluate(Budget budget, CheckContext ctx) {
        BudgetStanding s = BudgetStanding.of(budget, ctx.asOf());
        if (s.status() != fires) return List.of();
        Spend spend = compared.apply(s);
        BigDecimal over = spend.amount().subtract(s.limit().amount());
        boolean usd = Money.USD.equals(s.limit().unit());
        String detail = what + " " + CostFormat.money(spend.amount(), s.limit().unit()) + " for the "
                + s.timeUnit() + " period " + s.periodLabel() + " is above the budget's limit of "
                + CostFormat.money(s.limit().amount(), s.limit().unit()) + " by " + CostFormat.money(over, s.limit().unit())
                + " (" + CostFormat.percent(s.usedShare() == null ? BigDecimal.ZERO
                : s.usedShare().movePointRight(2)) + " % used so far)"
                + (usd ? "." : "; the budget is not in USD, so monthly_cost_usd stays empty.");
        return List.of(ctx.finding(definition, s.name()).detail(detail).monthlyCostUsd(usd ? over : null).build());
    }
}
