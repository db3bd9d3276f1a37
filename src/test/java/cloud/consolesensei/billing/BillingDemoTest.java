package cloud.consolesensei.billing;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.JobTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
@JobTest
class BillingDemoTest {

    @TempDir
    Path work;

    @Test
    void demoRunFiresBothChecksAndWritesTheBillingSheet() throws Exception {
        Path reports = work.resolve("reports");
        Cli.Result run = Cli.run(work, "run", "--demo", "--as-of", "2026-11-29", "--reports-dir",
                reports.toString(), "--no-email");
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        Path day = reports.resolve("2026-11-29");

        List<CSVRecord> findings = Cli.csv(day.resolve("findings-all-2026-11-29.csv"));
        assertThat(findings).filteredOn(f -> f.get("check_id").startsWith("billing."))
                .extracting(f -> f.get("account_id") + " " + f.get("region") + " " + f.get("check_id") + " "
                        + f.get("resource_id") + " " + f.get("severity") + " " + f.get("monthly_cost_usd"))
                .containsExactlyInAnyOrder(
                        "111111111111 global billing.budget_exceeded prod-compute-monthly HIGH 380.25",
                        "111111111111 global billing.budget_forecast_exceeded prod-quarterly-plan MEDIUM 1410.75");

        assertThat(Cli.csv(day.resolve("coverage-all-2026-11-29.csv")))
                .noneMatch(g -> g.get("service").equals("budgets") || g.get("service").equals("invoicing"));

        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(day.resolve("consolesensei-all-2026-11-29.xlsx")))) {
            XSSFSheet s = wb.getSheet(BillingSheet.SHEET);
            assertThat(s).isNotNull();
            assertThat(s.getRow(0).getCell(0).getStringCellValue()).endsWith("DEMO data");
            DataFormatter f = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : s) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) cells.add(row.getCell(i) == null ? "" : f.formatCellValue(row.getCell(i)));
                rows.add(cells);
            }
            // 12 invoices per account over 2025-11..2026-10, plus production's credit memo
            List<List<String>> invoices = rows.stream().filter(r -> r.size() > 4
                    && (r.get(4).equals("Invoice") || r.get(4).equals("Credit memo"))).toList();
            assertThat(invoices).hasSize(25);
            assertThat(invoices).extracting(r -> r.get(2)).contains("2025-11", "2026-10").doesNotContain("2025-10", "2026-11");
            assertThat(invoices).filteredOn(r -> r.get(4).equals("Credit memo")).singleElement()
                    .satisfies(r -> assertThat(r.get(13)).isEqualTo("2100202608"));
            // staging pays its USD bill in EUR; production pays in USD (no payment columns)
            assertThat(invoices).filteredOn(r -> r.get(0).equals("222222222222"))
                    .allSatisfy(r -> assertThat(r.get(11)).isEqualTo("EUR"));
            assertThat(invoices).filteredOn(r -> r.get(0).equals("111111111111"))
                    .allSatisfy(r -> assertThat(r.size() <= 11 || r.get(11).isEmpty()).isTrue());
            assertThat(s.getDrawingPatriarch().getCharts()).hasSize(1);

            // the budgets of each kind, with their verdicts
            assertThat(rows.stream().filter(r -> r.size() > 11 && r.get(2).matches("(prod|staging)-.*"))
                    .map(r -> r.get(2) + " " + r.get(11)).toList()).containsExactlyInAnyOrder(
                    "prod-compute-monthly Exceeded", "prod-quarterly-plan Forecast over", "prod-ec2-hours Not evaluated",
                    "prod-migration-2025 Not evaluated", "staging-monthly OK", "staging-daily-guard OK");

            // reconciliation: production's months match Cost Explorer but the credit memo's month
            List<List<String>> rec = rows.subList(rows.indexOf(rows.stream().filter(r -> r.contains("Cost Explorer (without tax)"))
                    .findFirst().orElseThrow()) + 1, rows.size());
            assertThat(rec).hasSize(24);
            assertThat(rec).filteredOn(r -> r.get(0).equals("111111111111") && r.get(2).equals("2026-08")).singleElement()
                    .satisfies(r -> assertThat(r.get(8)).isEqualTo("-$120.00"));
            assertThat(rec).filteredOn(r -> r.get(10).equals("matches")).hasSize(23);
        }

        // the email's cost section: the blown budget and the latest invoice of each account
        String eml = Files.readString(day.resolve("summary-all-2026-11-29.eml"));
        assertThat(eml).contains("Budget exceeded: prod-compute-monthly (2026-11)", "Latest invoice (2026-10)");
    }
}
