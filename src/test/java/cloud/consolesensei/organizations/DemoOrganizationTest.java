package cloud.consolesensei.organizations;

import static cloud.consolesensei.organizations.OrgWire.csv;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.JobTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo organization: {@code run --demo --config jobs/organization.example.yml} discovers the
 * demo Organizations fake (five accounts over two pages, one SUSPENDED, one member whose audit role
 * is missing), while the plain demo run keeps auditing the two demo accounts only.
 */
@JobTest
class DemoOrganizationTest {

    @TempDir
    Path work;

    @Test
    void exampleConfigurationAuditsTheDemoOrganization() throws Exception {
        Path reports = work.resolve("reports");

        Cli.Result r = Cli.run(work, "run", "--demo", "--config", Path.of("jobs/organization.example.yml")
                .toAbsolutePath().toString(), "--as-of", "2026-11-29", "--reports-dir", reports.toString(), "--no-email");

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(r.out()).contains("Organization (management account 111111111111): 5 discovered, 3 included, 2 excluded, 1 unreachable");
        Path day = reports.resolve("2026-11-29");
        List<CSVRecord> gaps = csv(day.resolve("coverage-all-2026-11-29.csv"));
        assertThat(gaps).extracting(g -> g.get("account_id") + " " + g.get("service") + " " + g.get("operation") + " "
                + g.get("error_class")).containsExactly("333333333333 sts AssumeRole ROLE_NOT_ASSUMABLE");
        List<CSVRecord> findings = csv(day.resolve("findings-all-2026-11-29.csv"));
        // The management account by its explicit entry (not under an included OU), the members by discovery.
        assertThat(findings).extracting(f -> f.get("account_id") + " " + f.get("account_name")).contains(
                "111111111111 DEMO-management", "222222222222 DEMO-staging");
        assertThat(findings).extracting(f -> f.get("account_id"))
                .doesNotContain("333333333333", "444444444444").contains("555555555555");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(day.resolve("consolesensei-all-2026-11-29.xlsx")))) {
            assertThat(wb.getSheet("Organization").getRow(0).getCell(0).getStringCellValue()).startsWith("DEMO - ");
            assertThat(wb.getSheet("Organization").getLastRowNum()).isEqualTo(4 + 5 - 1);
        }
    }

    @Test
    void plainDemoStaysTwoAccounts() throws Exception {
        Path reports = work.resolve("reports");

        Cli.Result r = Cli.run(work, "run", "--demo", "--as-of", "2026-11-29", "--reports-dir",
                reports.toString(), "--no-email");

        assertThat(r.out()).doesNotContain("Organization (");
        Path day = reports.resolve("2026-11-29");
        assertThat(csv(day.resolve("findings-all-2026-11-29.csv"))).extracting(f -> f.get("account_id"))
                .containsOnly("111111111111", "222222222222");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(day.resolve("consolesensei-all-2026-11-29.xlsx")))) {
            assertThat(wb.getSheet("Organization")).isNull();
        }
    }
}
