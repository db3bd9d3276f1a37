package cloud.consolesensei.billing;

import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.cost.CostFormat;
import cloud.consolesensei.cost.Money;
import cloud.consolesensei.finding.Finding;

import java.math.BigDecimal;

import software.amazon.awssdk.services.budgets.model.Spend;

/** The finding both budget checks make: the budget name as resource id, the excess in USD for a USD budget. */
final class BudgetFindings {

    private BudgetFindings() {
    }

    /**
     * @param compared the spend that passed the limit (actual or forecast), in the limit's unit
     * @param what     "Actual spend" or "Forecasted spend"
     */
    static Finding finding(CheckDefinition check, BudgetStanding s, Spend compared, String what, CheckContext ctx) {
        BigDecimal over = compared.amount().subtract(s.limit().amount());
        boolean usd = Money.USD.equals(s.limit().unit());
        String detail = what + " " + CostFormat.amount(compared.amount()) + " " + s.limit().unit() + " for the "
                + s.timeUnit() + " period " + s.periodLabel() + " is above the budget's limit of "
                + CostFormat.amount(s.limit().amount()) + " " + s.limit().unit() + " by " + CostFormat.amount(over) + " "
                + s.limit().unit() + " (" + CostFormat.percent(s.usedShare() == null ? BigDecimal.ZERO
                : s.usedShare().movePointRight(2)) + " % used so far)"
                + (usd ? "." : "; the budget is not in USD, so monthly_cost_usd stays empty.");
        return ctx.finding(check, s.name()).detail(detail).monthlyCostUsd(usd ? over : null).build();
    }
}
