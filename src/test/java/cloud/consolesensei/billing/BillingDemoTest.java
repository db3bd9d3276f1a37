package cloud.consolesensei.billing;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.support.CliHarness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo run end to end: both billing checks fire on the demo budgets (and only there), the
 * workbook has the Billing sheet with a year of invoices, the credit memo, the EUR payment currency,
 * the budgets and the reconciliation.
 */
class BillingDemoTest {

    @TempDir
    Path work;

    @Test
    void demoRunFiresBothChecksAndWritesTheBillingSheet() throws Exception {
        Path reports = work.resolve("reports");
        CliHarness.Result r = CliHarness.run(work, "run", "--demo", "--as-of", "2026-11-29", "--reports-dir",
                reports.toString(), "--no-email");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        Path day = reports.resolve("2026-11-29");

        List<CSVRecord> findings = csv(day.resolve("findings-all-2026-11-29.csv"));
        assertThat(findings).filteredOn(f -> f.get("check_id").startsWith("billing."))
                .extracting(f -> f.get("account_id") + " " + f.get("region") + " " + f.get("check_id") + " "
                        + f.get("resource_id") + " " + f.get("severity") + " " + f.get("monthly_cost_usd"))
                .containsExactlyInAnyOrder(
                        "111111111111 global billing.budget_exceeded prod-compute-monthly HIGH 380.25",
                        "111111111111 global billing.budget_forecast_exceeded prod-quarterly-plan MEDIUM 1410.75");

        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(day.resolve("consolesensei-all-2026-11-29.xlsx")))) {
            XSSFSheet s = wb.getSheet(BillingSheet.SHEET);
            assertThat(s).isNotNull();
            DataFormatter f = new DataFormatter();
            Map<String, Row> byFirst = new java.util.HashMap<>();
            int invoices = 0;
            for (Row row : s) {
                if (row.getCell(3) != null && row.getCell(4) != null) {
                    String type = f.formatCellValue(row.getCell(4));
                    if (type.equals("Invoice") || type.equals("Credit memo")) invoices++;
                }
                if (row.getCell(2) != null) byFirst.putIfAbsent(f.formatCellValue(row.getCell(2)), row);
            }
            // 12 invoices per account plus production's credit memo
            assertThat(invoices).isEqualTo(25);
            assertThat(s.getDrawingPatriarch().getCharts()).hasSize(1);
        }
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (var reader = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
