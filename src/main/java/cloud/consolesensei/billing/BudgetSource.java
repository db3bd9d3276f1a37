package cloud.consolesensei.billing;

import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.InventorySheet;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.AbstractResourceSource;
import java.util.List;
import java.util.stream.Stream;

import software.amazon.awssdk.services.budgets.model.Budget;
import software.amazon.awssdk.services.budgets.model.DescribeBudgetsRequest;

/**
 * Every budget of the audited account from AWS Budgets ({@code DescribeBudgets} with AccountId = the
 * account, every page through the SDK's paginator; JSON 1.1, global endpoint), with the account's own
 * credentials. An account without budgets yields nothing, which is not an error. Each budget is judged
 * by the two billing checks and becomes a row of the Billing sheet's Budgets table ({@link BudgetRow}).
 */
public final class BudgetSource extends AbstractResourceSource<Budget> {

    /** AWS SDK service id. */
    public static final String SERVICE = "budgets";
    /** API operation. */
    public static final String OPERATION = "DescribeBudgets";
    /** The IAM action DescribeBudgets needs (Service Authorization Reference: AWS Budget Service). */
    public static final String ACTION = "budgets:ViewBudget";

    public BudgetSource() {
        super("billing.budgets", Scope.GLOBAL, null, List.of(BudgetCheck.EXCEEDED, BudgetCheck.FORECAST_EXCEEDED));
    }

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public Stream<Budget> read(ReadContext ctx) {
        DescribeBudgetsRequest request = DescribeBudgetsRequest.builder().accountId(ctx.account().id()).build();
        return ctx.stream(SERVICE, OPERATION,
                () -> ctx.clients().budgets(ctx.account()).describeBudgetsPaginator(request).budgets().stream());
    }

    /** The budget's row of the Billing sheet's Budgets table ({@link BudgetRow}). */
    @Override
    public InventoryRow inventoryRow(Budget budget, CheckContext context) {
        return BudgetRow.of(context.accountId(), BudgetStanding.of(budget, context.asOf())).toInventoryRow();
    }
}
