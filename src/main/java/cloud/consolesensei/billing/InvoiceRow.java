package cloud.consolesensei.billing;

import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.finding.Finding;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import software.amazon.awssdk.services.invoicing.model.InvoiceCurrencyAmount;
import software.amazon.awssdk.services.invoicing.model.InvoiceSummary;

/**
 * One invoice or credit memo as the Billing sheet shows it, kept as AWS gave it: amounts exact and
 * in their own currency (the AWS Invoicing API's {@code InvoiceSummary}: {@code BaseCurrencyAmount}
 * is what the bill is kept in, {@code PaymentCurrencyAmount} what is paid, when the account pays in
 * another currency). Stored in the run's inventory store under {@link #ROWS}.
 *
 * @param accountId         the audited account (Selector ACCOUNT_ID)
 * @param invoiceId         InvoiceId
 * @param period            BillingPeriod (Month, Year)
 * @param type              InvoiceType: {@code INVOICE} or {@code CREDIT_MEMO}
 * @param entity            Entity.InvoicingEntity, e.g. "Amazon Web Services EMEA SARL"
 * @param issued            IssuedDate (UTC day), or {@code null}
 * @param due               DueDate (UTC day), or {@code null}
 * @param beforeTax         BaseCurrencyAmount.TotalAmountBeforeTax, or {@code null}
 * @param total             BaseCurrencyAmount.TotalAmount, or {@code null}
 * @param currency          BaseCurrencyAmount.CurrencyCode
 * @param paymentCurrency   PaymentCurrencyAmount.CurrencyCode, or {@code null}
 * @param paymentTotal      PaymentCurrencyAmount.TotalAmount, or {@code null}
 * @param originalInvoiceId OriginalInvoiceId (the invoice a credit memo corrects), or {@code null}
 */
public record InvoiceRow(String accountId, String invoiceId, YearMonth period, String type, String entity,
                         LocalDate issued, LocalDate due, BigDecimal beforeTax, BigDecimal total, String currency,
                         String paymentCurrency, BigDecimal paymentTotal, String originalInvoiceId) {

    /** Inventory store key of invoice rows (shown on the Billing sheet, not as a sheet of their own). */
    public static final String ROWS = "Invoices";
    /** InvoiceType of a credit memo. */
    public static final String CREDIT_MEMO = "CREDIT_MEMO";

    /**
     * Reads an invoice summary of {@code accountId}.
     *
     * @throws NumberFormatException when an amount is not a decimal number (a malformed answer)
     */
    public static InvoiceRow of(String accountId, InvoiceSummary s) {
        InvoiceCurrencyAmount base = s.baseCurrencyAmount();
        InvoiceCurrencyAmount pay = s.paymentCurrencyAmount();
        YearMonth period = s.billingPeriod() == null || s.billingPeriod().year() == null || s.billingPeriod().month() == null
                ? null : YearMonth.of(s.billingPeriod().year(), s.billingPeriod().month());
        return new InvoiceRow(accountId, s.invoiceId(), period, s.invoiceTypeAsString(),
                s.entity() == null ? null : s.entity().invoicingEntity(), day(s.issuedDate()), day(s.dueDate()),
                base == null ? null : decimal(base.totalAmountBeforeTax()), base == null ? null : decimal(base.totalAmount()),
                base == null ? null : base.currencyCode(), pay == null ? null : pay.currencyCode(),
                pay == null ? null : decimal(pay.totalAmount()), blankToNull(s.originalInvoiceId()));
    }

    /** True for a credit memo. */
    public boolean creditMemo() {
        return CREDIT_MEMO.equals(type);
    }

    /** True when the account pays in another currency than the bill's. */
    public boolean paysInOtherCurrency() {
        return paymentCurrency != null && !paymentCurrency.equals(currency);
    }

    /** The row as the inventory store keeps it (resource id: the invoice id). */
    public InventoryRow toInventoryRow() {
        return new InventoryRow(ROWS, accountId, Finding.GLOBAL, invoiceId, Arrays.asList(period == null ? null : period.toString(),
                type, entity, issued, due, beforeTax, total, currency, paymentCurrency, paymentTotal, originalInvoiceId));
    }

    /** Decodes {@link #toInventoryRow()}. */
    public static InvoiceRow from(InventoryRow r) {
        List<Object> c = r.cells();
        return new InvoiceRow(r.accountId(), r.resourceId(), c.get(0) == null ? null : YearMonth.parse((String) c.get(0)),
                (String) c.get(1), (String) c.get(2), (LocalDate) c.get(3), (LocalDate) c.get(4), (BigDecimal) c.get(5),
                (BigDecimal) c.get(6), (String) c.get(7), (String) c.get(8), (BigDecimal) c.get(9), (String) c.get(10));
    }

    private static LocalDate day(Instant i) {
        return i == null ? null : i.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static BigDecimal decimal(String s) {
        return s == null || s.isBlank() ? null : new BigDecimal(s.trim());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
