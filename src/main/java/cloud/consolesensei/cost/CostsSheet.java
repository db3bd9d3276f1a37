package cloud.consolesensei.cost;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.report.AccountFacts.Fact;
import cloud.consolesensei.report.ReportScope;
import cloud.consolesensei.report.ReportWorkbook;
import cloud.consolesensei.report.WorkbookContributor;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.springframework.stereotype.Component;

/**
 * The workbook's "Costs" sheet: per account in scope, one block with
 * <ul>
 *   <li>the 6 complete months and the month to date by SERVICE (services sorted by last month's
 *       cost, a total row per currency, the change of the last month against the month before in
 *       USD and %), Cost Explorer's Estimated flag per month, and a stacked column chart;</li>
 *   <li>month to date, forecast to month end, month-end forecast and budget;</li>
 *   <li>the daily usage cost of the last 30 days (the lump-sum record types left out, as
 *       {@code cost.daily_anomaly} judges it) with its Estimated flag, and a line chart.</li>
 * </ul>
 * Figures come from {@link CostCache} (what the run stored), never from AWS. Amounts in a currency
 * other than USD keep their unit and are totalled apart. Charts are drawn by {@link CostCharts}
 * without leaving the streaming workbook.
 */
@Component
public class CostsSheet implements WorkbookContributor {

    /** Sheet name. */
    public static final String SHEET = "Costs";
    /** Rows a chart needs; blocks are at least this tall so charts never overlap. */
    private static final int CHART_ROWS = 18;
    /** First column of the monthly table's month figures. */
    private static final int FIRST_MONTH_COL = 2;

    private final CostFacts facts;

    public CostsSheet(CostFacts facts) {
        this.facts = facts;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void contribute(ReportWorkbook wb, ReportScope scope) {
        SXSSFSheet sheet = wb.sheet(SHEET);
        wb.widths(sheet, 44, 8, 13, 13, 13, 13, 13, 13, 16, 14, 12);
        int row = 0;
        Row title = sheet.createRow(row++);
        wb.set(title, 0, "Costs (AWS Cost Explorer) as of " + scope.asOf() + (scope.demo() ? " - DEMO data" : ""), false)
                .setCellStyle(wb.titleStyle());
        if (scope.accounts().isEmpty()) {
            wb.set(sheet.createRow(row), 0, "No account in scope.", false);
        }
        for (AccountTarget account : scope.accounts()) {
            row = block(wb, sheet, row + 1, account, facts.snapshot(account, scope));
        }
    }

    /** Writes one account's block from {@code row}; returns the next free row. */
    private int block(ReportWorkbook wb, SXSSFSheet sheet, int row, AccountTarget account, CostSnapshot s) {
        Row head = sheet.createRow(row++);
        wb.set(head, 0, account.name() + " (" + account.id() + ") - metric " + s.metric().apiName(), false)
                .setCellStyle(wb.titleStyle());
        List<CostPeriod> columns = new ArrayList<>(s.months());
        boolean hasMtd = s.monthToDate() != null && s.monthToDate().start().isBefore(s.monthToDate().end());
        if (hasMtd) columns.add(s.monthToDate());
        if (columns.isEmpty()) {
            wb.set(sheet.createRow(row++), 0, "No Cost Explorer figures were read for this account (see the Coverage sheet).", false);
            return row;
        }
        int tableTop = row;
        List<String> headers = new ArrayList<>(List.of("Service", "Unit"));
        columns.forEach(p -> headers.add(label(p, s)));
        headers.add("Change (USD)");
        headers.add("Change (%)");
        header(wb, sheet, row++, headers);
        List<Line> lines = lines(columns, s);
        int firstServiceRow = row;
        for (Line l : lines) {
            Row r = sheet.createRow(row++);
            wb.set(r, 0, l.service(), false);
            wb.set(r, 1, l.unit(), false);
            writeAmounts(wb, r, l, columns, s);
        }
        for (String unit : units(columns)) {
            Row r = sheet.createRow(row++);
            Line total = new Line("Total (" + unit + ")", unit, columns.stream()
                    .map(p -> p.totals().getOrDefault(unit, BigDecimal.ZERO)).toList());
            wb.set(r, 0, total.service(), false).setCellStyle(wb.headerStyle());
            wb.set(r, 1, unit, false);
            writeAmounts(wb, r, total, columns, s);
        }
        Row est = sheet.createRow(row++);
        wb.set(est, 0, "Estimated (Cost Explorer may still revise)", false);
        for (int i = 0; i < columns.size(); i++) wb.set(est, FIRST_MONTH_COL + i, columns.get(i).estimated(), false);
        row = figures(wb, sheet, row + 1, s);
        List<Line> usd = lines.stream().filter(l -> Money.USD.equals(l.unit())).toList();
        if (!usd.isEmpty()) {
            List<Integer> usdRows = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) if (Money.USD.equals(lines.get(i).unit())) usdRows.add(firstServiceRow + i);
            CostCharts.stackedColumns(wb, sheet, "Monthly cost by service (USD)",
                    new CostCharts.Area(tableTop, headers.size() + 1, tableTop + CHART_ROWS, headers.size() + 11),
                    tableTop, FIRST_MONTH_COL, columns.stream().map(p -> label(p, s)).toList(),
                    usdRows, usd.stream().map(Line::service).toList(),
                    usd.stream().map(l -> l.amounts().stream().map(BigDecimal::doubleValue).toList()).toList());
        }
        row = Math.max(row, tableTop + CHART_ROWS + 1);
        return daily(wb, sheet, row + 1, s);
    }

    /** Month to date, forecast, month-end forecast, budget. */
    private int figures(ReportWorkbook wb, SXSSFSheet sheet, int row, CostSnapshot s) {
        List<Fact> f = new ArrayList<>();
        CostPeriod mtd = s.monthToDate();
        f.add(CostFacts.money("Month to date" + (mtd != null && mtd.estimated() ? " (estimated)" : ""), mtd));
        Money forecast = s.forecast();
        f.add(forecast == null ? new Fact("Forecast, as-of date to month end", "not available (see the Coverage sheet)", false)
                : new Fact("Forecast, as-of date to month end", forecast.isUsd() ? forecast.amount() : forecast.toString(),
                forecast.isUsd()));
        f.add(new Fact("Month-end forecast", s.monthEndForecastUsd().orElse(null), true));
        f.add(s.budgetUsd() == null ? new Fact("Monthly budget", "none configured", false)
                : new Fact("Monthly budget", s.budgetUsd(), true));
        if (s.budgetUsd() != null && s.monthEndForecastUsd().isPresent()) {
            f.add(new Fact("Forecast minus budget", s.monthEndForecastUsd().get().subtract(s.budgetUsd()), true));
        }
        for (Fact fact : f) {
            Row r = sheet.createRow(row++);
            wb.set(r, 0, fact.label(), false);
            wb.set(r, FIRST_MONTH_COL, fact.value(), fact.usd());
        }
        return row;
    }

    /** The daily table and its line chart. */
    private int daily(ReportWorkbook wb, SXSSFSheet sheet, int row, CostSnapshot s) {
        List<CostPeriod> days = s.days();
        if (days.isEmpty()) {
            wb.set(sheet.createRow(row++), 0, "No daily figures were read for this account (see the Coverage sheet).", false);
            return row + 1;
        }
        int top = row;
        header(wb, sheet, row++, List.of("Day", "Unit", "Usage cost (no tax, fees, credits, refunds)", "Estimated"));
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (CostPeriod d : days) {
            Row r = sheet.createRow(row++);
            Map<String, BigDecimal> t = d.totals();
            String unit = t.size() == 1 ? t.keySet().iterator().next() : t.isEmpty() ? Money.USD : String.join("+", t.keySet());
            BigDecimal v = t.size() <= 1 ? t.values().stream().findFirst().orElse(BigDecimal.ZERO) : null;
            wb.set(r, 0, d.start(), false);
            wb.set(r, 1, unit, false);
            wb.set(r, 2, v, Money.USD.equals(unit));
            wb.set(r, 3, d.estimated(), false);
            labels.add(d.start().toString());
            values.add(v == null ? null : v.doubleValue());
        }
        CostCharts.line(wb, sheet, "Daily usage cost (" + s.metric().apiName() + ")",
                new CostCharts.Area(top, 5, top + CHART_ROWS, 16), top + 1, 0, 2, labels, values);
        return Math.max(row, top + CHART_ROWS + 1) + 1;
    }

    /** A header row in the header style; unlike {@link ReportWorkbook#header} it freezes nothing (blocks repeat). */
    private static void header(ReportWorkbook wb, SXSSFSheet sheet, int row, List<String> headers) {
        Row r = sheet.createRow(row);
        for (int i = 0; i < headers.size(); i++) wb.set(r, i, headers.get(i), false).setCellStyle(wb.headerStyle());
    }

    private void writeAmounts(ReportWorkbook wb, Row r, Line l, List<CostPeriod> columns, CostSnapshot s) {
        boolean usd = Money.USD.equals(l.unit());
        for (int i = 0; i < l.amounts().size(); i++) wb.set(r, FIRST_MONTH_COL + i, l.amounts().get(i), usd);
        int last = s.months().indexOf(s.lastMonth().orElse(null));
        int before = s.months().indexOf(s.monthBeforeLast().orElse(null));
        if (last < 0 || before < 0) return;
        BigDecimal change = l.amounts().get(last).subtract(l.amounts().get(before));
        int col = FIRST_MONTH_COL + columns.size();
        wb.set(r, col, change, usd);
        BigDecimal base = l.amounts().get(before);
        if (base.signum() > 0) {
            wb.set(r, col + 1, change.divide(base, MathContext.DECIMAL64), false).setCellStyle(wb.percentStyle());
        } else {
            wb.set(r, col + 1, "n/a", false);
        }
    }

    /** One row: a service (and unit) with its amount per column; missing periods are zero. */
    private record Line(String service, String unit, List<BigDecimal> amounts) {
    }

    private static List<Line> lines(List<CostPeriod> columns, CostSnapshot s) {
        Map<String, String> units = new LinkedHashMap<>();
        columns.forEach(p -> p.amounts().forEach((k, m) -> units.putIfAbsent(k, m.unit())));
        CostPeriod last = s.lastMonth().orElse(columns.get(columns.size() - 1));
        List<Line> out = new ArrayList<>();
        units.forEach((service, unit) -> out.add(new Line(service, unit,
                columns.stream().map(p -> p.amount(service, unit).amount()).toList())));
        out.sort(Comparator.comparing((Line l) -> last.amount(l.service(), l.unit()).amount()).reversed()
                .thenComparing(Line::service));
        return out;
    }

    private static TreeSet<String> units(List<CostPeriod> columns) {
        TreeSet<String> u = new TreeSet<>();
        columns.forEach(p -> u.addAll(p.totals().keySet()));
        if (u.isEmpty()) u.add(Money.USD);
        return u;
    }

    /** "2026-10", or "2026-11 to date" for the month to date. */
    private static String label(CostPeriod p, CostSnapshot s) {
        return YearMonth.from(p.start()) + (p == s.monthToDate() ? " to date" : "");
    }

    /** Absolute reference to a cell of this sheet, for chart formulas. */
    static String ref(int row, int col) {
        return new CellReference(SHEET, row, col, true, true).formatAsString();
    }

    /** Absolute reference to a range of this sheet, for chart formulas. */
    static String ref(int firstRow, int firstCol, int lastRow, int lastCol) {
        return new CellRangeAddress(firstRow, lastRow, firstCol, lastCol).formatAsString(SHEET, true);
    }
}
