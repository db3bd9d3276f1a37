package cloud.consolesensei.billing;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsErrorClassifier;
import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.aws.MalformedAnswer;
import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.InventorySheet;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.AbstractResourceSource;
import cloud.consolesensei.cost.PretaxMonths;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import software.amazon.awssdk.services.invoicing.model.InvoiceSummary;
import software.amazon.awssdk.services.invoicing.model.ListInvoiceSummariesRequest;
import software.amazon.awssdk.services.invoicing.model.ListInvoiceSummariesResourceType;

/**
 * The audited account's invoices and credit memos of the 12 complete billing periods before the as-of
 * date's month, from the AWS Invoicing API ({@code ListInvoiceSummaries}, Selector ACCOUNT_ID = the
 * audited account, every page through the SDK's paginator; JSON 1.0). Report data, not findings: the
 * rows feed the Billing sheet ({@link InvoiceRow}).
 * <p>
 * Credentials (docs/checks.md, billing rules): those of {@code cost.payer-account} when it is configured
 * (its configured role, or the base credentials when it is not an audited account), otherwise the
 * account's own. An account whose own credentials are refused ({@code AccessDenied}: it is not the
 * paying account) is an informational gap whose remedy names {@code cost.payer-account}
 * ({@link #NOT_PAYER}); refused through the payer, it is an ordinary gap.
 * <p>
 * After the last page, Cost Explorer's totals without tax of the months that have invoices are
 * brought into the cost cache ({@link PretaxMonths}) for the sheet's reconciliation.
 */
public final class InvoiceSource extends AbstractResourceSource<InvoiceRow> {

    /** AWS SDK service id. */
    public static final String SERVICE = "invoicing";
    /** API operation. */
    public static final String OPERATION = "ListInvoiceSummaries";
    /** The IAM action ListInvoiceSummaries needs. */
    public static final String ACTION = "invoicing:ListInvoiceSummaries";
    /** Complete billing periods read before the as-of date's month. */
    public static final int PERIODS = 12;
    /** What the informational gap of an account that may not list its own invoices says. */
    public static final String NOT_PAYER = "the account's own credentials may not list its invoices (it is not the"
            + " paying account); invoices were not read";

    private final Function<String, AccountTarget> payer;
    private final PretaxMonths pretax;

    /**
     * @param payer  the account whose credentials list invoices for an audited account id: the
     *               configured payer, or {@code null} to use the account's own
     * @param pretax Cost Explorer's months without tax, for the reconciliation
     */
    public InvoiceSource(Function<String, AccountTarget> payer, PretaxMonths pretax) {
        super("billing.invoices", Scope.GLOBAL, null, List.of());
        this.payer = payer;
        this.pretax = pretax;
    }

    @Override
    public String service() {
        return SERVICE;
    }

    /** The first billing period read (12 months before the as-of month). */
    public static YearMonth firstPeriod(LocalDate asOf) {
        return YearMonth.from(asOf).minusMonths(PERIODS);
    }

    @Override
    public Stream<InvoiceRow> read(ReadContext ctx) {
        String accountId = ctx.account().id();
        AccountTarget via = payer.apply(accountId);
        AccountTarget caller = via == null ? ctx.account() : via;
        ListInvoiceSummariesRequest request = ListInvoiceSummariesRequest.builder()
                .selector(s -> s.resourceType(ListInvoiceSummariesResourceType.ACCOUNT_ID).value(accountId))
                .build();
        YearMonth first = firstPeriod(ctx.asOf());
        YearMonth current = YearMonth.from(ctx.asOf());
        Supplier<Stream<InvoiceRow>> opener = () -> ctx.clients().invoicing(caller).listInvoiceSummariesPaginator(request)
                .invoiceSummaries().stream().map(s -> row(accountId, s));
        Set<YearMonth> months = ConcurrentHashMap.newKeySet();
        Stream<InvoiceRow> rows = ctx.stream(SERVICE, OPERATION, via == null ? deniedIsInfo(ctx, opener) : opener)
                .filter(r -> r.period() != null && !r.period().isBefore(first) && r.period().isBefore(current))
                .peek(r -> months.add(r.period()));
        // runs once the last page has been consumed: the months with invoices are known only then
        Stream<InvoiceRow> reconcile = Stream.of(1).flatMap(x -> {
            if (!months.isEmpty()) pretax.ensure(ctx, months);
            return Stream.empty();
        });
        return Stream.concat(rows, reconcile);
    }

    private static InvoiceRow row(String accountId, InvoiceSummary s) {
        try {
            return InvoiceRow.of(accountId, s);
        } catch (NumberFormatException e) {
            throw MalformedAnswer.of("ListInvoiceSummaries invoice " + s.invoiceId()
                    + " has an amount that is not a decimal number", e);
        }
    }

    /**
     * With the account's own credentials, AccessDenied ends the stream as an informational gap (the
     * account is not the paying one) instead of an ordinary one; other failures go on to
     * {@link ReadContext#stream}, which records them.
     */
    private static Supplier<Stream<InvoiceRow>> deniedIsInfo(ReadContext ctx, Supplier<Stream<InvoiceRow>> opener) {
        return () -> {
            Iterator<InvoiceRow> it = new Iterator<>() {
                private Iterator<InvoiceRow> inner;
                private boolean denied;

                @Override
                public boolean hasNext() {
                    if (denied) return false;
                    try {
                        if (inner == null) inner = opener.get().iterator();
                        return inner.hasNext();
                    } catch (RuntimeException e) {
                        if (AwsErrorClassifier.classify(e) != ErrorClass.ACCESS_DENIED) throw e;
                        denied = true;
                        ctx.gap(SERVICE, OPERATION, ErrorClass.ACCESS_DENIED, NOT_PAYER + ": " + AwsErrorClassifier.message(e), true);
                        return false;
                    }
                }

                @Override
                public InvoiceRow next() {
                    if (!hasNext()) throw new NoSuchElementException();
                    return inner.next();
                }
            };
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false);
        };
    }

    /** Invoices are report data: no check judges them. */
    @Override
    public InventoryRow inventoryRow(InvoiceRow invoice, CheckContext context) {
        return invoice.toInventoryRow();
    }
}
