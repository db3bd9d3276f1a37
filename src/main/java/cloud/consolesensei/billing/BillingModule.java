package cloud.consolesensei.billing;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.collect.ServiceModule;
import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.cost.CostProperties;
import cloud.consolesensei.cost.PretaxMonths;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The AWS Billing capability: budgets from AWS Budgets, judged by {@code billing.budget_exceeded} and
 * {@code billing.budget_forecast_exceeded} ({@link BudgetSource}), and invoices from the AWS Invoicing
 * API as report data ({@link InvoiceSource}); both once per account (region {@code global}). The
 * Billing sheet ({@link BillingSheet}) shows them with the reconciliation against Cost Explorer.
 */
@Component
public class BillingModule implements ServiceModule {

    private final List<ResourceSource<?>> sources;

    public BillingModule(ConsoleSenseiProperties props, CostProperties cost, PretaxMonths pretax) {
        this.sources = List.of(new BudgetSource(), new InvoiceSource(audited -> payer(props, cost), pretax));
    }

    @Override
    public int order() {
        return 6;
    }

    @Override
    public List<ResourceSource<?>> sources() {
        return sources;
    }

    /**
     * The configured {@code cost.payer-account} as a target: with its configured role when it is one of
     * the configured accounts, otherwise the base credentials (the usual case: the audit runs in the
     * management account); {@code null} when no payer is configured.
     */
    static AccountTarget payer(ConsoleSenseiProperties props, CostProperties cost) {
        String id = cost.payerAccount();
        if (id == null) return null;
        for (ConsoleSenseiProperties.Account a : props.accounts()) {
            if (id.equals(a.id())) {
                return new AccountTarget(id, a.name(), blankToNull(a.roleArn()), blankToNull(a.externalId()),
                        List.of("us-east-1"), List.of(), null, List.of());
            }
        }
        return new AccountTarget(id, id, null, null, List.of("us-east-1"), List.of(), null, List.of());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
