package cloud.consolesensei.billing;

import cloud.consolesensei.collect.InventoryStore;
import cloud.consolesensei.cost.CostFormat;
import cloud.consolesensei.report.AccountFacts;
import cloud.consolesensei.report.ReportScope;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The billing lines of an account's headline figures (the email's cost section and the Summary sheet),
 * after the Cost Explorer figures: every blown budget (actual above its limit, as
 * {@code billing.budget_exceeded} judges it) and the latest invoice of the 12 complete billing periods.
 * Read from what the run stored, never from AWS; amounts stay in their own currency.
 */
@Component
@Order(20)
public class BillingFacts implements AccountFacts {

    private final InventoryStore store;

    public BillingFacts(InventoryStore store) {
        this.store = store;
    }

    @Override
    public List<Fact> facts(String accountId, ReportScope scope) {
        List<Fact> out = new ArrayList<>();
        store.forEach(scope.runId(), BudgetRow.ROWS, List.of(accountId), r -> {
            BudgetRow b = BudgetRow.from(r);
            if (b.standing() != BudgetStanding.Status.EXCEEDED) return;
            out.add(new Fact("Budget exceeded: " + b.name() + " (" + b.period() + ")", amount(b.actual(), b.unit())
                    + " of " + amount(b.limit(), b.unit()) + (b.usedShare() == null ? ""
                    : " (" + CostFormat.percent(b.usedShare().movePointRight(2)) + " %)"), false));
        });
        List<InvoiceRow> invoices = new ArrayList<>();
        store.forEach(scope.runId(), InvoiceRow.ROWS, List.of(accountId), r -> invoices.add(InvoiceRow.from(r)));
        invoices.stream().filter(i -> !i.creditMemo() && i.period() != null)
                .max(Comparator.comparing(InvoiceRow::period)
                        .thenComparing(InvoiceRow::issued, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(InvoiceRow::invoiceId))
                .ifPresent(i -> out.add(new Fact("Latest invoice (" + i.period() + ")", text(i), false)));
        return out;
    }

    /** e.g. "2100202610: 1,198.80 USD (1,110.00 before tax), paid in 1,096.90 EUR; issued 2026-11-02, due 2026-12-02". */
    static String text(InvoiceRow i) {
        StringBuilder s = new StringBuilder(i.invoiceId()).append(": ").append(amount(i.total(), i.currency()));
        if (i.beforeTax() != null) s.append(" (").append(amount(i.beforeTax(), i.currency())).append(" before tax)");
        if (i.paysInOtherCurrency() && i.paymentTotal() != null) {
            s.append(", paid in ").append(amount(i.paymentTotal(), i.paymentCurrency()));
        }
        if (i.issued() != null) s.append("; issued ").append(i.issued());
        if (i.due() != null) s.append(", due ").append(i.due());
        return s.toString();
    }

    private static String amount(BigDecimal v, String unit) {
        return v == null ? "unknown" : CostFormat.money(v, unit == null ? "" : unit);
    }
}
