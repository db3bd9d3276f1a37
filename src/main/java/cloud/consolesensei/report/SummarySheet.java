package cloud.consolesensei.report;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.collect.InventoryStore;
import cloud.consolesensei.coverage.CoverageStore;
import cloud.consolesensei.finding.RunCounts;
import cloud.consolesensei.finding.RunHistory;
import cloud.consolesensei.finding.Severity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.springframework.stereotype.Component;

/**
 * The Summary sheet: the cover (DEMO marking, as-of date, run id, price table date), then per
 * account the findings by severity, NEW and suppressed counts, savings (USD/month) and cost alerts
 * (USD) side by side, never added ({@link RunCounts}), coverage gaps, the headline figures of
 * the {@link AccountFacts} contributors (month to date, forecast...) and how many resources of each
 * kind were evaluated; last, the trend of the scope's last {@value #TREND_RUNS} runs (findings by
 * severity, savings and cost alerts, as a table and two line charts).
 */
@Component
public class SummarySheet {

    private final CoverageStore coverage;
    private final InventoryStore inventory;
    private final List<AccountFacts> facts;
    private final RunHistory history;

    /** Runs shown in the trend. */
    public static final int TREND_RUNS = 30;

    public SummarySheet(CoverageStore coverage, InventoryStore inventory, List<AccountFacts> facts,
                        RunHistory history) {
        this.coverage = coverage;
        this.inventory = inventory;
        this.facts = facts;
        this.history = history;
    }

    /** Writes the Summary sheet (first sheet of the workbook). */
    public void write(ReportWorkbook wb, ReportScope scope, String priceNote) {
        SXSSFSheet sheet = wb.sheet("Summary");
        wb.fitToOnePage(sheet);
        int r = 0;
        wb.set(sheet.createRow(r++), 0, (scope.demo() ? "DEMO - " : "") + "ConsoleSensei Cloud - AWS audit", false)
                .setCellStyle(wb.titleStyle());
        if (scope.demo()) {
            wb.set(sheet.createRow(r++), 0, "DEMO: built-in demo estate, not a real AWS account.", false);
        }
        Row info = sheet.createRow(r++);
        wb.set(info, 0, "As of (UTC)", false);
        wb.set(info, 1, scope.asOf(), false);
        Row run = sheet.createRow(r++);
        wb.set(run, 0, "Run", false);
        wb.set(run, 1, scope.runId(), false);
        if (scope.limitedTo() != null) {
            Row limited = sheet.createRow(r++);
            wb.set(limited, 0, "Limited to", false);
            wb.set(limited, 1, scope.limitedTo(), false);
        }
        Row gen = sheet.createRow(r++);
        wb.set(gen, 0, "Generated", false);
        wb.set(gen, 1, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), false);
        Row prices = sheet.createRow(r++);
        wb.set(prices, 0, "Prices", false);
        wb.set(prices, 1, priceNote, false);
        r++;
        List<String> h = new ArrayList<>(List.of("Account ID", "Account name", "CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO",
                "New", "Resolved", "Suppressed", "Savings USD/month", "Cost alerts USD", "Coverage gaps"));
        int headerRow = r;
        wb.header(sheet, r++, h);
        Map<String, Integer> gaps = new HashMap<>();
        coverage.forEach(scope.runId(), scope.accountIds(), g -> {
            if (!g.info()) gaps.merge(g.accountId(), 1, Integer::sum);
        });
        Map<String, RunCounts> byAccount = history.countsByAccount(scope.runId(), scope.accountIds());
        Map<String, Map<String, Integer>> evaluatedByAccount = inventory.countsByAccount(scope.runId(), scope.accountIds());
        for (AccountTarget a : scope.accounts()) {
            RunCounts t = byAccount.get(a.id());
            Row row = sheet.createRow(r++);
            wb.set(row, 0, a.id(), false);
            wb.set(row, 1, a.name(), false);
            int c = 2;
            for (Severity s : Severity.values()) wb.set(row, c++, t.of(s), false);
            wb.set(row, c++, t.newCount(), false);
            wb.set(row, c++, t.resolved(), false);
            wb.set(row, c++, t.suppressed(), false);
            wb.set(row, c++, t.savings(), true);
            wb.set(row, c++, t.costAlerts(), true);
            wb.set(row, c, gaps.getOrDefault(a.id(), 0), false);
        }
        sheet.createFreezePane(0, 0);
        r++;
        for (AccountTarget a : scope.accounts()) {
            List<AccountFacts.Fact> fs = new ArrayList<>();
            facts.forEach(f -> fs.addAll(f.facts(a.id(), scope)));
            Map<String, Integer> evaluated = evaluatedByAccount.getOrDefault(a.id(), Map.of());
            if (fs.isEmpty() && evaluated.isEmpty()) continue;
            wb.set(sheet.createRow(r++), 0, a.name() + " (" + a.id() + ")", false).setCellStyle(wb.titleStyle());
            for (AccountFacts.Fact f : fs) {
                Row row = sheet.createRow(r++);
                wb.set(row, 0, f.label(), false);
                if (f.value() instanceof AccountFacts.Ratio ratio) {
                    wb.set(row, 1, ratio.fraction(), false).setCellStyle(wb.percentStyle());
                } else {
                    wb.set(row, 1, f.value(), f.usd());
                }
            }
            for (Map.Entry<String, Integer> e : evaluated.entrySet()) {
                Row row = sheet.createRow(r++);
                wb.set(row, 0, "Evaluated: " + e.getKey(), false);
                wb.set(row, 1, e.getValue(), false);
            }
            r++;
        }
        trend(wb, sheet, r, scope);
        // columns serve both tables: H and I hold the trend's USD sums, K and L the accounts'
        wb.widths(sheet, 28, 20, 10, 10, 10, 10, 10, 20, 17, 11, 18, 16, 14);
        if (headerRow > 0) {
            sheet.createFreezePane(0, 0);
        }
    }

    /**
     * The trend table (as-of, run, counts by severity, savings, cost alerts; suppressed and resolved
     * findings excluded) from row {@code r}, with a line chart of the counts and one of the money beside it.
     * The charts carry their values as literal caches plus references to the table, so they render
     * without reading back the streamed (already flushed) rows.
     */
    private void trend(ReportWorkbook wb, SXSSFSheet sheet, int r, ReportScope scope) {
        List<RunHistory.TrendPoint> points = history.trend(scope.scope(), scope.runId(), TREND_RUNS);
        if (points.isEmpty()) return;
        wb.set(sheet.createRow(r++), 0, "Trend: last " + points.size() + " run(s) of scope " + scope.scope(), false)
                .setCellStyle(wb.titleStyle());
        List<String> h = new ArrayList<>(List.of("As of", "Run"));
        for (Severity s : Severity.values()) h.add(s.name());
        h.add("Savings (USD/month)");
        h.add("Cost alerts (USD)");
        wb.header(sheet, r++, h);
        int first = r;
        String[] dates = new String[points.size()];
        Double[][] sev = new Double[Severity.values().length][points.size()];
        Double[] savings = new Double[points.size()];
        Double[] alerts = new Double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            RunHistory.TrendPoint p = points.get(i);
            Row row = sheet.createRow(r++);
            wb.set(row, 0, p.asOf(), false);
            wb.set(row, 1, p.runId(), false);
            int c = 2;
            for (Severity s : Severity.values()) {
                wb.set(row, c, p.counts().of(s), false);
                sev[c - 2][i] = (double) p.counts().of(s);
                c++;
            }
            wb.set(row, c, p.counts().savings(), true);
            wb.set(row, c + 1, p.counts().costAlerts(), true);
            dates[i] = p.asOf() + " #" + (i + 1);
            // chart caches are doubles by the OOXML format; the cell keeps the exact BigDecimal
            savings[i] = p.counts().savings().doubleValue();
            alerts[i] = p.counts().costAlerts().doubleValue();
        }
        int last = r - 1;
        String ref = "'" + sheet.getSheetName() + "'!";
        String cats = ref + "$A$" + (first + 1) + ":$A$" + (last + 1);
        sheet.createDrawingPatriarch();
        // SXSSFDrawing cannot make charts; the streamed sheet's backing XSSFSheet owns the same drawing
        XSSFDrawing drawing = wb.poi().getXSSFWorkbook().getSheet(sheet.getSheetName()).getDrawingPatriarch();
        // below the trend table, side by side, so the sheet prints one page wide
        XSSFChart counts = chart(drawing, 0, 6, last + 2, "Findings by severity");
        XDDFChartData data = lines(counts);
        for (int s = 0; s < Severity.values().length; s++) {
            String col = String.valueOf((char) ('C' + s));
            data.addSeries(XDDFDataSourcesFactory.fromArray(dates, cats),
                            XDDFDataSourcesFactory.fromArray(sev[s], ref + "$" + col + "$" + (first + 1) + ":$" + col + "$" + (last + 1)))
                    .setTitle(Severity.values()[s].name(), null);
        }
        ChartPalette.apply(data);
        counts.plot(data);
        XSSFChart money = chart(drawing, 6, 13, last + 2, "Savings and cost alerts (USD)");
        XDDFChartData m = lines(money);
        m.addSeries(XDDFDataSourcesFactory.fromArray(dates, cats),
                        XDDFDataSourcesFactory.fromArray(savings, ref + "$H$" + (first + 1) + ":$H$" + (last + 1)))
                .setTitle("Savings (USD/month)", null);
        m.addSeries(XDDFDataSourcesFactory.fromArray(dates, cats),
                        XDDFDataSourcesFactory.fromArray(alerts, ref + "$I$" + (first + 1) + ":$I$" + (last + 1)))
                .setTitle("Cost alerts (USD)", null);
        ChartPalette.apply(m);
        money.plot(m);
    }

    private static XSSFChart chart(XSSFDrawing drawing, int col, int colEnd, int row, String title) {
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, col, Math.max(0, row), colEnd, Math.max(0, row) + 18));
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        return chart;
    }

    private static XDDFChartData lines(XSSFChart chart) {
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setMinimum(0);
        return chart.createData(ChartTypes.LINE, x, y);
    }
}
