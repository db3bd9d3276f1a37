package cloud.consolesensei.demo;

import cloud.consolesensei.aws.AccountTarget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.invoicing.InvoicingClient;
import software.amazon.awssdk.services.invoicing.model.InvoiceCurrencyAmount;
import software.amazon.awssdk.services.invoicing.model.InvoiceSummary;
import software.amazon.awssdk.services.invoicing.model.InvoiceType;
import software.amazon.awssdk.services.invoicing.model.ListInvoiceSummariesRequest;
import software.amazon.awssdk.services.invoicing.model.ListInvoiceSummariesResponse;

/**
 * Demo fake of {@link InvoicingClient} ({@code ListInvoiceSummaries}, five summaries a page): a year
 * of monthly invoices per demo account, each before tax equal to the demo Cost Explorer's month
 * without tax, issued on the 2nd of the next month.
 * <ul>
 *   <li>demo-production: Amazon Web Services, Inc., billed and paid in USD, 8 % tax; a credit memo of
 *       -120.00 USD (before tax) against the invoice of three months before the as-of month;</li>
 *   <li>demo-staging: Amazon Web Services EMEA SARL, billed in USD, paid in EUR (0.9150 EUR per USD),
 *       20 % VAT.</li>
 * </ul>
 */
final class DemoInvoicing {

    /** The SDK interface with the demo's shared parts ({@link DemoClient}). */
    private interface Fake extends InvoicingClient, DemoClient {
    }

    private static final int PAGE = 5;
    private static final BigDecimal EUR_PER_USD = new BigDecimal("0.9150");

    private DemoInvoicing() {
    }

    static InvoicingClient client(AccountTarget account, LocalDate asOf) {
        return new Fake() {
            @Override
            public ListInvoiceSummariesResponse listInvoiceSummaries(ListInvoiceSummariesRequest request) {
                List<InvoiceSummary> all = invoices(request.selector().value(), asOf);
                DemoPage<InvoiceSummary> page = DemoPage.of(all, request.nextToken(), PAGE);
                return ListInvoiceSummariesResponse.builder().invoiceSummaries(page.items()).nextToken(page.nextToken())
                        .build();
            }
        };
    }

    private static List<InvoiceSummary> invoices(String accountId, LocalDate asOf) {
        AccountTarget account = DemoEstate.STAGING.id().equals(accountId) ? DemoEstate.STAGING : DemoEstate.PRODUCTION;
        boolean staging = account == DemoEstate.STAGING;
        YearMonth current = YearMonth.from(asOf);
        List<InvoiceSummary> out = new ArrayList<>();
        for (int back = 12; back >= 1; back--) {
            YearMonth m = current.minusMonths(back);
            BigDecimal beforeTax = DemoCostExplorer.monthWithoutTax(account, m, asOf).setScale(2, RoundingMode.HALF_UP);
            String id = staging ? "EUINLU" + m.toString().replace("-", "").substring(2) + "-" + (400100 + back)
                    : String.valueOf(2100000000L + m.getYear() * 100L + m.getMonthValue());
            out.add(invoice(accountId, id, InvoiceType.INVOICE, m, beforeTax, staging, null));
            if (!staging && back == 3) {
                out.add(invoice(accountId, String.valueOf(2300000000L + m.getYear() * 100L + m.getMonthValue()),
                        InvoiceType.CREDIT_MEMO, m, new BigDecimal("-120.00"), false, id));
            }
        }
        return out;
    }

    private static InvoiceSummary invoice(String accountId, String id, InvoiceType type, YearMonth period,
                                          BigDecimal beforeTax, boolean emea, String original) {
        BigDecimal tax = beforeTax.multiply(emea ? new BigDecimal("0.20") : new BigDecimal("0.08")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal total = beforeTax.add(tax);
        LocalDate issued = period.plusMonths(1).atDay(type == InvoiceType.CREDIT_MEMO ? 18 : 2);
        InvoiceSummary.Builder b = InvoiceSummary.builder().accountId(accountId).invoiceId(id).invoiceType(type)
                .billingPeriod(p -> p.month(period.getMonthValue()).year(period.getYear()))
                .entity(e -> e.invoicingEntity(emea ? "Amazon Web Services EMEA SARL" : "Amazon Web Services, Inc."))
                .issuedDate(instant(issued)).dueDate(instant(issued.plusDays(30)))
                .baseCurrencyAmount(amount(beforeTax, tax, total, "USD"))
                .paymentCurrencyAmount(emea ? amount(eur(beforeTax), eur(tax), eur(total), "EUR")
                        : amount(beforeTax, tax, total, "USD"));
        if (original != null) b.originalInvoiceId(original);
        return b.build();
    }

    private static InvoiceCurrencyAmount amount(BigDecimal beforeTax, BigDecimal tax, BigDecimal total, String currency) {
        return InvoiceCurrencyAmount.builder().totalAmountBeforeTax(beforeTax.toPlainString())
                .totalAmount(total.toPlainString()).currencyCode(currency)
                .amountBreakdown(a -> a.subTotalAmount(beforeTax.toPlainString())
                        .taxes(t -> t.totalAmount(tax.toPlainString())))
                .build();
    }

    private static BigDecimal eur(BigDecimal usd) {
        return usd.multiply(EUR_PER_USD).setScale(2, RoundingMode.HALF_UP);
    }

    private static Instant instant(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
