package cloud.consolesensei.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.report.AccountFacts;
import cloud.consolesensei.report.ReportScope;
import cloud.consolesensei.report.ReportWorkbook;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bill partly in another currency: shown with its unit, never added into USD totals. */
class CostsSheetCurrencyTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 15);
    private static final AccountTarget ACCOUNT = new AccountTarget("123456789012", "eur", null, null,
            List.of("eu-west-1"), List.of(), null, List.of());

    @TempDir
    Path tmp;

    @Test
    void otherCurrencyHasItsOwnTotalAndFactsSayTheUnit() throws Exception {
        CostTestSupport t = new CostTestSupport(CostProperties.defaults());
        CostCache.Series monthly = new CostCache.Series(ACCOUNT.id(), "own", CostMetric.UNBLENDED_COST,
                CostCache.Granularity.MONTHLY);
        for (CostSpans.Span s : CostSpans.completeMonths(AS_OF)) {
            Map<String, Money> m = new LinkedHashMap<>();
            m.put("Amazon Simple Storage Service", Money.parse("100.00", "USD"));
            m.put("Marketplace Widget", Money.parse("50.00", "EUR"));
            t.cache.store(monthly, List.of(new CostPeriod(s.start(), s.end(), false, m)), AS_OF, "r");
        }
        t.cache.store(monthly, List.of(new CostPeriod(AS_OF.withDayOfMonth(1), AS_OF, true,
                Map.of("Amazon Simple Storage Service", Money.parse("40", "USD")))), AS_OF, "r");
        ReportScope scope = new ReportScope("r", ACCOUNT.id(), List.of(ACCOUNT), AS_OF, false);

        Path file = tmp.resolve("c.xlsx");
        try (ReportWorkbook wb = new ReportWorkbook(new SXSSFWorkbook(100))) {
            new CostsSheet(t.facts).contribute(wb, scope);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.poi().write(out);
            }
        }
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(file))) {
            XSSFSheet sheet = book.getSheet("Costs");
            assertThat(row(sheet, "Total (USD)").getCell(7).getNumericCellValue()).isEqualTo(100.0, within(0.001));
            assertThat(row(sheet, "Total (EUR)").getCell(7).getNumericCellValue()).isEqualTo(50.0, within(0.001));
            assertThat(row(sheet, "Marketplace Widget").getCell(1).getStringCellValue()).isEqualTo("EUR");
            assertThat(row(sheet, "Forecast, as-of date to month end").getCell(2).getStringCellValue())
                    .startsWith("not available");
            assertThat(row(sheet, "Monthly budget").getCell(2).getStringCellValue()).isEqualTo("none configured");
            assertThat(row(sheet, "No daily figures were read for this account (see the Coverage sheet).")).isNotNull();
            // the stacked chart plots the USD services only
            assertThat(sheet.getDrawingPatriarch().getCharts()).singleElement()
                    .satisfies(c -> assertThat(c.getChartSeries().get(0).getSeriesCount()).isEqualTo(1));
        }

        List<AccountFacts.Fact> facts = t.facts.facts(ACCOUNT.id(), scope);
        assertThat(facts.get(0).value()).isEqualTo(new BigDecimal("40.00"));
        assertThat(facts.get(1)).isEqualTo(new AccountFacts.Fact("Last month (USD)", "50.00 EUR + 100.00 USD", false));
        assertThat(facts.get(2).value()).isNull();
        assertThat(facts.get(4).value()).isNull();
        assertThat(facts.get(5).value()).isNull();
    }

    private static Row row(XSSFSheet sheet, String first) {
        for (Row r : sheet) {
            if (r.getCell(0) != null && r.getCell(0).getCellType() == CellType.STRING
                    && r.getCell(0).getStringCellValue().equals(first)) return r;
        }
        throw new AssertionError("no row " + first);
    }
}
