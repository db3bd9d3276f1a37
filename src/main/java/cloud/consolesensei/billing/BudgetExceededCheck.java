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
 * {@code billing.budget_exceeded} (docs/checks.md, Billing v2): a COST budget's actual spend for its
 * current period is above its limit ({@link BudgetStanding}: equal is not above). Resource id: the
 * budget name; region {@code global}; {@code monthly_cost_usd}: actual - limit, for USD budgets only
 * (the period's excess as it is; the detail names the period). A cost alert, never savings.
 */
public final class BudgetExceededCheck implements Check<Budget> {

    public static final String ID = "billing.budget_exceeded";

    static final CheckDefinition DEFINITION = new CheckDefinition(ID,
            "AWS Budgets budget exceeded", Severity.HIGH, BudgetSource.SERVICE, "AWS Budgets budget",
            "a COST budget's actual spend for its current period is above its limit.",
            "actual - limit (USD budgets only)",
            "The period's actual spend is already above the limit the account's owners set in AWS Budgets.",
            "Console: Billing and Cost Management > Budgets, open the budget and its Cost Explorer view to find what "
                    + "drives the spend; stop or right-size it, or raise the limit if the spend is agreed. "
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
        if (s.status() != BudgetStanding.Status.EXCEEDED) return List.of();
        return List.of(BudgetFindings.finding(DEFINITION, s, s.actual(), "Actual spend", ctx));
    }
}
