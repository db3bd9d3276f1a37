package cloud.consolesensei.billing;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.collect.InventoryStore;
import cloud.consolesensei.cost.CostCharts;
import cloud.consolesensei.cost.Money;
import cloud.consolesensei.cost.PretaxMonths;
import cloud.consolesensei.report.ReportScope;
import cloud.consolesensei.report.ReportWorkbook;
import cloud.consolesensei.report.WorkbookContributor;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.springframework.stereotype.Component;

/**
 * The workbook's "Billing" sheet, the one place finance looks (docs/checks.md, Billing v2 report data):
 * <ol>
 *   <li><b>Invoices</b> of the 12 complete billing periods before the as-of month, per account and
 *       period: invoice id, type (invoice or credit memo), invoicing entity, issued and due dates, total
 *       before tax and total in the base currency, the payment currency and amount where they differ, and
 *       the original invoice of a credit memo. Amounts stay in their currency (a number format without a
 *       currency sign unless it is USD).</li>
 *   <li><b>Invoiced totals by month</b>: per base currency (never added across currencies), invoices
 *       and credit memos as AWS states them, with a clustered column chart, one series per currency in
 *       fixed colours.</li>
 *   <li><b>Budgets</b>: every budget with its period, limit, actual, forecast, % used (a number in %
 *       format) and status, coloured by conditional formatting (over 100 % red, 80-100 % amber, under
 *       80 % green; status Exceeded red, Forecast over amber).</li>
 *   <li><b>Reconciliation</b>: where an account has invoices for a month and Cost Explorer's total of
 *       that month without tax was read ({@link PretaxMonths}), the invoices' total before tax beside
 *       Cost Explorer's, with the difference (only between amounts of one currency).</li>
 * </ol>
 * Everything comes from what the run stored (inventory store, cost cache), never from AWS. Memory is
 * bounded by accounts x 12 months of totals; rows stream.
 */
@Component
public class BillingSheet implements WorkbookContributor {

    /** Sheet name. */
    public static final String SHEET = "Billing";
    static final List<String> INVOICE_HEADER = List.of("Account ID", "Account", "Billing period", "Invoice ID", "Type",
            "Invoicing entity", "Issued", "Due", "Total before tax", "Total", "Currency", "Payment currency",
            "Payment total", "Original invoice");
    static final List<String> BUDGET_HEADER = List.of("Account ID", "Account", "Budget", "Type", "Time unit", "Period",
            "Limit", "Actual", "Forecast", "Unit", "% used", "Status", "Note");
    static final List<String> RECONCILIATION_HEADER = List.of("Account ID", "Account", "Month", "Currency", "Invoices",
            "Invoiced before tax", "Cost Explorer (without tax)", "Cost Explorer unit", "Difference", "Difference (%)", "Note");
    /** Series colours of the chart, in order (RGB): blue, orange, green, purple, grey. */
    static final List<String> SERIES_COLOURS = List.of("1F77B4", "FF7F0E", "2CA02C", "9467BD", "7F7F7F");
    private static final int CHART_ROWS = 18;

    private final InventoryStore store;
    private final PretaxMonths pretax;

    public BillingSheet(InventoryStore store, PretaxMonths pretax) {
        this.store = store;
        this.pretax = pretax;
    }

    @Override
    public int order() {
        return 11;
    }

    /** Month totals of one account and currency: invoices' total before tax, total, and how many documents. */
    private record Key(String accountId, YearMonth month, String currency) {
    }

    private static final class Sums {
        BigDecimal beforeTax = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        int documents;
    }

    @Override
    public void contribute(ReportWorkbook wb, ReportScope scope) {
        SXSSFSheet sheet = wb.sheet(SHEET);
        wb.widths(sheet, 14, 22, 16, 22, 13, 32, 12, 12, 16, 16, 10, 16, 16, 22);
        CellStyle amount = wb.poi().createCellStyle();
        amount.setDataFormat(wb.poi().createDataFormat().getFormat("#,##0.00"));
        YearMonth first = InvoiceSource.firstPeriod(scope.asOf());
        YearMonth current = YearMonth.from(scope.asOf());
        int row = 0;
        wb.set(sheet.createRow(row++), 0, "Billing (AWS Invoicing API, AWS Budgets) as of " + scope.asOf()
                + (scope.demo() ? " - DEMO data" : ""), false).setCellStyle(wb.titleStyle());
        row++;
        wb.set(sheet.createRow(row++), 0, "Invoices and credit memos, billing periods " + first + " to "
                + current.minusMonths(1) + " (amounts in their own currency, as AWS states them)", false)
                .setCellStyle(wb.titleStyle());
        header(wb, sheet, row++, INVOICE_HEADER);
        Map<Key, Sums> sums = new TreeMap<>(Comparator.comparing(Key::accountId).thenComparing(Key::month)
                .thenComparing(Key::currency));
        int written = 0;
        for (AccountTarget account : scope.accounts()) {
            List<InvoiceRow> rows = new ArrayList<>();
            store.forEach(scope.runId(), InvoiceRow.ROWS, List.of(account.id()), r -> rows.add(InvoiceRow.from(r)));
            rows.sort(Comparator.comparing(InvoiceRow::period, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(InvoiceRow::issued, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(InvoiceRow::invoiceId));
            for (InvoiceRow inv : rows) {
                invoiceRow(wb, sheet.createRow(row++), account, inv, amount);
                written++;
                if (inv.period() != null && inv.currency() != null) {
                    Sums s = sums.computeIfAbsent(new Key(account.id(), inv.period(), inv.currency()), k -> new Sums());
                    if (inv.beforeTax() != null) s.beforeTax = s.beforeTax.add(inv.beforeTax());
                    if (inv.total() != null) s.total = s.total.add(inv.total());
                    s.documents++;
                }
            }
        }
        if (written == 0) {
            wb.set(sheet.createRow(row++), 0, "No invoices were read for the accounts in scope (see the Coverage sheet:"
                    + " an account that is not the paying one needs consolesensei.cost.payer-account).", false);
        }
        row = monthly(wb, sheet, row + 1, first, current, sums, amount);
        row = budgets(wb, sheet, row + 1, scope, amount);
        reconciliation(wb, sheet, row + 1, scope, first, current, sums, amount);
    }

    private static void invoiceRow(ReportWorkbook wb, Row r, AccountTarget account, InvoiceRow inv, CellStyle amount) {
        wb.term(r, 0, account.id());
        wb.term(r, 1, account.name());
        wb.set(r, 2, inv.period() == null ? null : inv.period().toString(), false);
        wb.set(r, 3, inv.invoiceId(), false);
        wb.term(r, 4, inv.creditMemo() ? "Credit memo" : "INVOICE".equals(inv.type()) ? "Invoice" : inv.type());
        wb.term(r, 5, inv.entity());
        wb.set(r, 6, inv.issued(), false);
        wb.set(r, 7, inv.due(), false);
        money(wb, r, 8, inv.beforeTax(), inv.currency(), amount);
        money(wb, r, 9, inv.total(), inv.currency(), amount);
        wb.term(r, 10, inv.currency());
        if (inv.paysInOtherCurrency()) {
            wb.term(r, 11, inv.paymentCurrency());
            money(wb, r, 12, inv.paymentTotal(), inv.paymentCurrency(), amount);
        }
        wb.set(r, 13, inv.originalInvoiceId(), false);
    }

    /** The month table (one column per base currency) and its chart; returns the next free row. */
    private static int monthly(ReportWorkbook wb, SXSSFSheet sheet, int row, YearMonth first, YearMonth current,
                               Map<Key, Sums> sums, CellStyle amount) {
        TreeSet<String> currencies = new TreeSet<>();
        sums.keySet().forEach(k -> currencies.add(k.currency()));
        if (currencies.isEmpty()) return row;
        wb.set(sheet.createRow(row++), 0, "Invoiced totals by month (invoices and credit memos, total with tax, per currency)",
                false).setCellStyle(wb.titleStyle());
        int top = row;
        List<String> header = new ArrayList<>(List.of("Month"));
        currencies.forEach(c -> header.add("Invoiced (" + c + ")"));
        header(wb, sheet, row++, header);
        List<String> months = new ArrayList<>();
        List<List<Double>> values = new ArrayList<>();
        currencies.forEach(c -> values.add(new ArrayList<>()));
        for (YearMonth m = first; m.isBefore(current); m = m.plusMonths(1)) {
            Row r = sheet.createRow(row++);
            wb.set(r, 0, m.toString(), false);
            months.add(m.toString());
            int col = 1;
            for (String c : currencies) {
                BigDecimal t = BigDecimal.ZERO;
                for (Map.Entry<Key, Sums> e : sums.entrySet()) {
                    if (e.getKey().month().equals(m) && e.getKey().currency().equals(c)) t = t.add(e.getValue().total);
                }
                money(wb, r, col, t, c, amount);
                values.get(col - 1).add(t.doubleValue());
                col++;
            }
        }
        chart(wb, sheet, new CostCharts.Area(top, currencies.size() + 2, top + CHART_ROWS, currencies.size() + 12),
                top, months, new ArrayList<>(currencies), values);
        return Math.max(row, top + CHART_ROWS) + 1;
    }

    /**
     * A clustered column chart: categories from column 0 of rows {@code top + 1} on, series {@code i}
     * from column {@code i + 1}, each in {@link #SERIES_COLOURS}{@code [i]}. Values are cached in the
     * chart and referenced to their cells, as the Costs sheet's charts are.
     */
    private static void chart(ReportWorkbook wb, SXSSFSheet sheet, CostCharts.Area area, int top, List<String> months,
                              List<String> currencies, List<List<Double>> values) {
        XSSFChart chart = CostCharts.chart(wb, sheet, "Invoiced totals by month", area);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        y.setCrossBetween(AxisCrossBetween.BETWEEN);
        int firstRow = top + 1;
        int lastRow = top + months.size();
        var cats = XDDFDataSourcesFactory.fromArray(months.toArray(String[]::new),
                new CellRangeAddress(firstRow, lastRow, 0, 0).formatAsString(SHEET, true));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
        data.setBarDirection(BarDirection.COL);
        data.setBarGrouping(BarGrouping.CLUSTERED);
        data.setVaryColors(false);
        for (int i = 0; i < currencies.size(); i++) {
            var vals = XDDFDataSourcesFactory.fromArray(values.get(i).toArray(Double[]::new),
                    new CellRangeAddress(firstRow, lastRow, i + 1, i + 1).formatAsString(SHEET, true));
            XDDFChartData.Series series = data.addSeries(cats, vals);
            series.setTitle("Invoiced (" + currencies.get(i) + ")", new CellReference(SHEET, top, i + 1, true, true));
            series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(rgb(SERIES_COLOURS.get(i % SERIES_COLOURS.size())))));
        }
        chart.plot(data);
    }

    /** The Budgets table with its conditional colours; returns the next free row. */
    private int budgets(ReportWorkbook wb, SXSSFSheet sheet, int row, ReportScope scope, CellStyle amount) {
        wb.set(sheet.createRow(row++), 0, "Budgets (AWS Budgets; COST budgets are judged, amounts in the budget's unit)",
                false).setCellStyle(wb.titleStyle());
        header(wb, sheet, row++, BUDGET_HEADER);
        int firstData = row;
        int[] next = {row};
        for (AccountTarget account : scope.accounts()) {
            store.forEach(scope.runId(), BudgetRow.ROWS, List.of(account.id()), inv -> {
                BudgetRow b = BudgetRow.from(inv);
                Row r = sheet.createRow(next[0]++);
                wb.term(r, 0, account.id());
                wb.term(r, 1, account.name());
                wb.set(r, 2, b.name(), false);
                wb.term(r, 3, b.type());
                wb.term(r, 4, b.timeUnit());
                wb.set(r, 5, b.period(), false);
                money(wb, r, 6, b.limit(), b.unit(), amount);
                money(wb, r, 7, b.actual(), b.unit(), amount);
                money(wb, r, 8, b.forecast(), b.unit(), amount);
                wb.term(r, 9, b.unit());
                if (b.usedShare() != null) wb.set(r, 10, b.usedShare(), false).setCellStyle(wb.percentStyle());
                wb.term(r, 11, b.standing().label());
                wb.set(r, 12, b.note(), false);
            });
        }
        row = next[0];
        if (row == firstData) {
            wb.set(sheet.createRow(row++), 0, "No budget in AWS Budgets for the accounts in scope (or not read: see the Coverage sheet).", false);
            return row;
        }
        colours(sheet, firstData, row - 1);
        return row;
    }

    /** % used: over 100 % red, 80-100 % amber, under 80 % green; Status: Exceeded red, Forecast over amber. */
    private static void colours(SXSSFSheet sheet, int firstRow, int lastRow) {
        SheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
        CellRangeAddress[] used = {new CellRangeAddress(firstRow, lastRow, 10, 10)};
        cf.addConditionalFormatting(used, fill(cf.createConditionalFormattingRule(ComparisonOperator.GT, "1"), IndexedColors.CORAL));
        cf.addConditionalFormatting(used, fill(cf.createConditionalFormattingRule(ComparisonOperator.BETWEEN, "0.8", "1"),
                IndexedColors.LIGHT_ORANGE));
        cf.addConditionalFormatting(used, fill(cf.createConditionalFormattingRule(ComparisonOperator.LT, "0.8"),
                IndexedColors.LIGHT_GREEN));
        CellRangeAddress[] status = {new CellRangeAddress(firstRow, lastRow, 11, 11)};
        cf.addConditionalFormatting(status, fill(cf.createConditionalFormattingRule(ComparisonOperator.EQUAL,
                "\"" + BudgetStanding.Status.EXCEEDED.label() + "\""), IndexedColors.CORAL));
        cf.addConditionalFormatting(status, fill(cf.createConditionalFormattingRule(ComparisonOperator.EQUAL,
                "\"" + BudgetStanding.Status.FORECAST_EXCEEDED.label() + "\""), IndexedColors.LIGHT_ORANGE));
    }

    private static ConditionalFormattingRule fill(ConditionalFormattingRule rule, IndexedColors colour) {
        PatternFormatting p = rule.createPatternFormatting();
        p.setFillBackgroundColor(colour.getIndex());
        p.setFillPattern(FillPatternType.SOLID_FOREGROUND.getCode());
        return rule;
    }

    /** Invoices beside Cost Explorer per account, month and currency. */
    private void reconciliation(ReportWorkbook wb, SXSSFSheet sheet, int row, ReportScope scope, YearMonth first,
                                YearMonth current, Map<Key, Sums> sums, CellStyle amount) {
        wb.set(sheet.createRow(row++), 0, "Reconciliation: invoices' total before tax against Cost Explorer ("
                + pretax.metric() + ", RECORD_TYPE Tax left out), same account and month", false).setCellStyle(wb.titleStyle());
        header(wb, sheet, row++, RECONCILIATION_HEADER);
        int firstData = row;
        Map<String, String> names = new TreeMap<>();
        scope.accounts().forEach(a -> names.put(a.id(), a.name()));
        String lastAccount = null;
        Map<YearMonth, Map<String, BigDecimal>> ce = Map.of();
        for (Map.Entry<Key, Sums> e : sums.entrySet()) {
            Key k = e.getKey();
            if (!k.accountId().equals(lastAccount)) {
                ce = pretax.totals(k.accountId(), first, current);
                lastAccount = k.accountId();
            }
            Map<String, BigDecimal> month = ce.get(k.month());
            if (month == null) continue;
            Row r = sheet.createRow(row++);
            wb.term(r, 0, k.accountId());
            wb.term(r, 1, names.get(k.accountId()));
            wb.set(r, 2, k.month().toString(), false);
            wb.term(r, 3, k.currency());
            wb.set(r, 4, e.getValue().documents, false);
            money(wb, r, 5, e.getValue().beforeTax, k.currency(), amount);
            BigDecimal same = month.get(k.currency());
            if (same == null) {
                String units = String.join(", ", month.keySet());
                wb.term(r, 7, units);
                wb.set(r, 10, "Cost Explorer's total is in " + units + ", the invoices in " + k.currency()
                        + ": amounts of different currencies are not compared", false);
                continue;
            }
            money(wb, r, 6, same, k.currency(), amount);
            wb.term(r, 7, k.currency());
            BigDecimal diff = e.getValue().beforeTax.subtract(same);
            money(wb, r, 8, diff, k.currency(), amount);
            if (same.signum() != 0) wb.set(r, 9, diff.divide(same, MathContext.DECIMAL64), false).setCellStyle(wb.percentStyle());
            // invoices are in cents, Cost Explorer keeps ten decimals: less than half a cent apart is the same amount
            wb.set(r, 10, diff.setScale(2, RoundingMode.HALF_UP).signum() == 0 ? "matches" : "invoices minus Cost Explorer", false);
        }
        if (row == firstData) {
            wb.set(sheet.createRow(row), 0, "Nothing to reconcile: no month has both invoices and Cost Explorer's total.", false);
        }
    }

    /** A header row in the header style (the sheet's tables repeat, so nothing is frozen). */
    private static void header(ReportWorkbook wb, SXSSFSheet sheet, int row, List<String> headers) {
        Row r = sheet.createRow(row);
        for (int i = 0; i < headers.size(); i++) wb.set(r, i, headers.get(i), false).setCellStyle(wb.headerStyle());
    }

    /** An amount: USD in the workbook's USD format, any other currency as a plain two-decimal number. */
    private static void money(ReportWorkbook wb, Row r, int col, BigDecimal v, String currency, CellStyle amount) {
        if (v == null) return;
        if (Money.USD.equals(currency)) {
            wb.set(r, col, v, true);
        } else {
            wb.set(r, col, v, false).setCellStyle(amount);
        }
    }

    private static byte[] rgb(String hex) {
        return new byte[] {(byte) Integer.parseInt(hex.substring(0, 2), 16), (byte) Integer.parseInt(hex.substring(2, 4), 16),
                (byte) Integer.parseInt(hex.substring(4, 6), 16)};
    }
}
