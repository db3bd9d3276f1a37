package cloud.consolesensei.notify;

import static cloud.consolesensei.notify.TestEstate.CRITICAL;
import static cloud.consolesensei.notify.TestEstate.HIGH;
import static cloud.consolesensei.notify.TestEstate.LOW;
import static cloud.consolesensei.notify.TestEstate.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cloud.consolesensei.ConsoleSenseiApplication;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.RunCounts;
import cloud.consolesensei.finding.RunHistory;
import cloud.consolesensei.finding.Severity;
import cloud.consolesensei.job.AuditRunner;
import cloud.consolesensei.job.RunOutcome;
import cloud.consolesensei.job.RunRequest;
import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.JobTest;

import jakarta.mail.internet.MimeMessage;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Findings history over three runs of a changing estate (NEW, OPEN, RESOLVED with its date,
 * reopened with its first_seen, counts and the Summary trend), a one-account run that touches only
 * that account's history, and suppressions (glob, regex, account, expiry on the as-of date) as the
 * reports and the email count them. No SMTP server ({@code spring.mail.host} blank): every summary is
 * written as .eml only, and the run still exits 0.
 */
@SpringBootTest(classes = {ConsoleSenseiApplication.class, TestEstate.Config.class,
        HistoryAndSuppressionsTest.Facts.class}, properties = {
        "spring.datasource.url=jdbc:h2:mem:history-it;DB_CLOSE_DELAY=-1",
        "spring.mail.host=",
        "consolesensei.mail.recipients[0]=boss@example.com",
        "consolesensei.accounts[0].id=123456789012",
        "consolesensei.accounts[0].name=alpha",
        "consolesensei.accounts[0].regions[0]=us-east-1",
        "consolesensei.accounts[1].id=210987654321",
        "consolesensei.accounts[1].name=beta",
        "consolesensei.accounts[1].regions[0]=us-east-1",
        "consolesensei.suppressions[0].check=test.low_*",
        "consolesensei.suppressions[0].resource=i-0low*",
        "consolesensei.suppressions[0].reason=accepted until the migration",
        "consolesensei.suppressions[0].expires=2026-11-21",
        "consolesensei.suppressions[1].check=test.high_thing",
        "consolesensei.suppressions[1].resource=regex:vol-0[a-f]+",
        "consolesensei.suppressions[1].account=210987654321",
        "consolesensei.suppressions[1].reason=owned by the platform team"})
@JobTest
class HistoryAndSuppressionsTest {

    /** Stands in for the cost package's figures: one amount, one unknown, for the demo production account. */
    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    static class Facts {
        @org.springframework.context.annotation.Bean
        cloud.consolesensei.report.AccountFacts testFacts() {
            return (account, scope) -> account.equals("111111111111")
                    ? List.of(new cloud.consolesensei.report.AccountFacts.Fact("Month to date (USD)", new BigDecimal("1234.5"), true),
                    new cloud.consolesensei.report.AccountFacts.Fact("Forecast (USD)", null, true))
                    : List.of();
        }
    }

    static final String ALPHA = "123456789012";
    static final String BETA = "210987654321";
    static final LocalDate D1 = LocalDate.of(2026, 11, 20);
    static final LocalDate D2 = D1.plusDays(1);
    static final LocalDate D3 = D1.plusDays(2);

    @Autowired
    AuditRunner runner;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RunHistory history;

    @Autowired
    org.springframework.beans.factory.ObjectProvider<org.springframework.mail.javamail.JavaMailSender> mailSender;

    @TempDir
    Path reports;

    @BeforeEach
    void wipe() {
        TestEstate.wipeHistory(jdbc);
    }

    @AfterEach
    void clear() {
        TestEstate.clear();
    }

    @Test
    void threeRunsOfAChangingEstate() throws Exception {
        // run 1: everything is NEW, except what the mute list covers
        TestEstate.set(ALPHA, item("us-east-1", "i-0crit", CRITICAL, "10"), item("us-east-1", "i-0high", HIGH, "5"),
                item("us-east-1", "i-0low1", LOW, null));
        TestEstate.set(BETA, item("us-east-1", "vol-0abc", HIGH, "2"), item("us-east-1", "vol-zzz", HIGH, "3"));
        RunOutcome r1 = run(D1, List.of());
        // Spring Boot builds a sender for the blank host; the notifier treats it as no SMTP server
        assertThat(mailSender.getIfAvailable()).isNotNull();
        assertThat(r1.exitCode()).isZero();
        assertThat(status()).containsOnly(
                Map.entry("i-0crit", "NEW"), Map.entry("i-0high", "NEW"), Map.entry("i-0low1", "SUPPRESSED"),
                Map.entry("vol-0abc", "SUPPRESSED"), Map.entry("vol-zzz", "NEW"));
        RunCounts c1 = history.counts(r1.runId(), List.of(ALPHA, BETA));
        assertThat(c1.bySeverity()).containsEntry(Severity.CRITICAL, 1).containsEntry(Severity.HIGH, 2).containsEntry(Severity.LOW, 0);
        assertThat(c1.newCount()).isEqualTo(3);
        assertThat(c1.suppressed()).isEqualTo(2);
        assertThat(c1.savings()).isEqualByComparingTo("18.00");
        assertThat(c1.costAlerts()).isEqualByComparingTo("0.00");
        assertThat(subject(D1)).isEqualTo("[ConsoleSensei] all: 18.00 USD/month savings \u2014 1 critical, 2 high, 3 new");

        // run 2: i-0high is fixed, i-0new appears; the low finding is still muted (expires today, inclusive)
        TestEstate.set(ALPHA, item("us-east-1", "i-0crit", CRITICAL, "10"), item("us-east-1", "i-0new", HIGH, "1.50"),
                item("us-east-1", "i-0low1", LOW, null));
        RunOutcome r2 = run(D2, List.of());
        assertThat(status()).containsOnly(
                Map.entry("i-0crit", "OPEN"), Map.entry("i-0high", "RESOLVED"), Map.entry("i-0new", "NEW"),
                Map.entry("i-0low1", "SUPPRESSED"), Map.entry("vol-0abc", "SUPPRESSED"), Map.entry("vol-zzz", "OPEN"));
        assertThat(row("i-0high")).containsEntry("resolved_on", Date.valueOf(D2)).containsEntry("first_seen", Date.valueOf(D1));
        RunCounts c2 = history.counts(r2.runId(), List.of(ALPHA, BETA));
        assertThat(c2.newCount()).isEqualTo(1);
        assertThat(c2.resolved()).isEqualTo(1);
        assertThat(c2.savings()).isEqualByComparingTo("14.50");

        // run 3: i-0high comes back (reopened, first seen kept), vol-zzz is fixed, the low suppression has expired
        TestEstate.set(ALPHA, item("us-east-1", "i-0crit", CRITICAL, "10"), item("us-east-1", "i-0new", HIGH, "1.50"),
                item("us-east-1", "i-0low1", LOW, null), item("us-east-1", "i-0high", HIGH, "5"));
        TestEstate.set(BETA, item("us-east-1", "vol-0abc", HIGH, "2"));
        RunOutcome r3 = run(D3, List.of());
        assertThat(status()).containsOnly(
                Map.entry("i-0crit", "OPEN"), Map.entry("i-0high", "NEW"), Map.entry("i-0new", "OPEN"),
                Map.entry("i-0low1", "OPEN"), Map.entry("vol-0abc", "SUPPRESSED"), Map.entry("vol-zzz", "RESOLVED"));
        assertThat(row("i-0high")).containsEntry("first_seen", Date.valueOf(D1)).containsEntry("last_seen", Date.valueOf(D3))
                .containsEntry("resolved_on", null);
        assertThat(row("vol-zzz")).containsEntry("resolved_on", Date.valueOf(D3));

        // the email: counts with the change since run 2, the reopened finding first, the resolved one listed
        assertThat(subject(D3)).isEqualTo("[ConsoleSensei] all: 16.50 USD/month savings \u2014 1 critical, 2 high, 1 new");
        String text = Mails.parts(Mails.read(eml(D3, "all"))).text();
        assertThat(text).contains("change since last run", "CRITICAL: 1 (0)", "HIGH: 2 (0)", "LOW: 1 (+1)", "Total: 4 (+1)",
                "- HIGH 123456789012 us-east-1 i-0high: High thing", "- HIGH 210987654321 us-east-1 vol-zzz: High thing"
                        + " (test.high_thing), resolved on 2026-11-22", "1 new, 1 resolved, 1 suppressed");
        assertThat(text).doesNotContain("vol-0abc");

        Path wbPath = reports.resolve(D3.toString()).resolve("consolesensei-all-" + D3 + ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(wbPath.toFile())) {
            // Summary: muted findings counted apart, not in severities or money
            Row alpha = find(wb.getSheet("Summary"), ALPHA);
            Row beta = find(wb.getSheet("Summary"), BETA);
            assertThat(num(beta, 3)).isZero(); // HIGH: vol-0abc is suppressed
            assertThat(num(beta, 8)).isEqualTo(1); // Resolved: vol-zzz
            assertThat(num(beta, 9)).isEqualTo(1); // Suppressed
            assertThat(num(beta, 10)).isZero(); // savings
            assertThat(num(beta, 11)).isZero(); // cost alerts
            assertThat(num(alpha, 10)).isEqualTo(16.5);
            // trend: the three runs of scope all, oldest first, and two charts
            Row head = find(wb.getSheet("Summary"), "Trend: last 3 run(s) of scope all");
            List<List<Double>> trend = new ArrayList<>();
            for (int i = 2; i <= 4; i++) {
                Row r = wb.getSheet("Summary").getRow(head.getRowNum() + i);
                trend.add(List.of(num(r, 2), num(r, 3), num(r, 5), num(r, 7)));
                assertThat(r.getCell(1).getStringCellValue()).isEqualTo(List.of(r1, r2, r3).get(i - 2).runId());
            }
            assertThat(trend).containsExactly(List.of(1.0, 2.0, 0.0, 18.0), List.of(1.0, 2.0, 0.0, 14.5),
                    List.of(1.0, 2.0, 1.0, 16.5));
            XSSFDrawing drawing = ((XSSFSheet) wb.getSheet("Summary")).getDrawingPatriarch();
            assertThat(drawing.getCharts()).hasSize(2);
            assertThat(drawing.getCharts().get(0).getChartSeries().get(0).getSeriesCount()).isEqualTo(Severity.values().length);
            // Changes: NEW and RESOLVED since run 2
            Sheet changes = wb.getSheet("Changes");
            assertThat(List.of(changes.getRow(1), changes.getRow(2))).extracting(r -> r.getCell(0).getStringCellValue(),
                    r -> r.getCell(4).getStringCellValue()).containsExactly(tuple("NEW", "i-0high"), tuple("RESOLVED", "vol-zzz"));
            assertThat(changes.getLastRowNum()).isEqualTo(2);
            // Suppressed: the muted finding with its reason, then the expired suppression
            Sheet sup = wb.getSheet("Suppressed");
            assertThat(sup.getRow(1).getCell(3).getStringCellValue()).isEqualTo("vol-0abc");
            assertThat(sup.getRow(1).getCell(8).getStringCellValue()).isEqualTo("owned by the platform team");
            Row expired = find(sup, "Expired suppressions (no longer applied on 2026-11-22)");
            Row e = sup.getRow(expired.getRowNum() + 2);
            assertThat(e.getCell(0).getStringCellValue()).isEqualTo("test.low_*");
            assertThat(e.getCell(3).getStringCellValue()).isEqualTo("accepted until the migration");
        }
        // the CSV keeps the suppressed finding with its status and reason, after a UTF-8 byte order mark
        Path csv = reports.resolve(D3.toString()).resolve("findings-all-" + D3 + ".csv");
        assertThat(Files.readAllBytes(csv)).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(Files.readAllLines(csv).get(0)).endsWith(",first_seen,last_seen,suppression_reason");
        assertThat(Cli.csv(csv)).noneSatisfy(rec -> assertThat(rec.get("resource_id")).isEqualTo("vol-zzz"))
                .filteredOn(rec -> rec.get("resource_id").equals("vol-0abc")).singleElement().satisfies(rec -> {
                    assertThat(rec.get("status")).isEqualTo("SUPPRESSED");
                    assertThat(rec.get("suppression_reason")).isEqualTo("owned by the platform team");
                });
        assertThat(Cli.csv(csv)).filteredOn(rec -> rec.get("resource_id").equals("i-0crit")).singleElement()
                .satisfies(rec -> assertThat(rec.get("suppression_reason")).isEmpty());

        // a run limited to another region does not resolve what it did not look at
        Map<String, String> before = status();
        RunOutcome limited = runner.run(new RunRequest(UUID.randomUUID().toString(), D3.plusDays(1), List.of(ALPHA),
                List.of("eu-west-1"), reports, false, false, false));
        assertThat(limited.status()).isEqualTo("COMPLETED");
        assertThat(status()).isEqualTo(before);

        // a run of one account changes only that account's history
        TestEstate.set(ALPHA);
        Map<String, Object> betaBefore = row("vol-0abc");
        RunOutcome r4 = run(D3.plusDays(1), List.of(ALPHA));
        assertThat(status()).containsOnly(
                Map.entry("i-0crit", "RESOLVED"), Map.entry("i-0high", "RESOLVED"), Map.entry("i-0new", "RESOLVED"),
                Map.entry("i-0low1", "RESOLVED"), Map.entry("vol-0abc", "SUPPRESSED"), Map.entry("vol-zzz", "RESOLVED"));
        assertThat(row("vol-0abc")).isEqualTo(betaBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM run_finding WHERE run_id = ? AND account_id <> ?",
                Integer.class, r4.runId(), ALPHA)).isZero();
        // the account's own scope: its runs and the all runs (r1, r2, r3, r4); the region-limited run
        // is a scope of its own (CONTRACT.md), so it is not in this trend
        assertThat(history.trend(ALPHA, r4.runId(), 30)).hasSize(4).last()
                .satisfies(p -> assertThat(p.counts().resolved()).isEqualTo(4));
        assertThat(history.trend("all", r4.runId(), 30)).hasSize(3);
        assertThat(history.trend(BETA, r4.runId(), 30)).extracting(p -> p.counts().of(Severity.HIGH)).containsExactly(1, 1, 0);
        assertThat(Mails.read(eml(D3.plusDays(1), ALPHA)).getSubject())
                .isEqualTo("[ConsoleSensei] 123456789012: 0.00 USD/month savings \u2014 0 critical, 0 high, 0 new");
    }

    /**
     * CONTRACT.md: an {@code all} run also writes each account's own workbook and summary under that
     * account's scope, whether or not the account has recipients (these two have none).
     */
    @Test
    void anAllRunWritesEveryAccountsOwnWorkbookAndSummary() throws Exception {
        TestEstate.set(ALPHA, item("us-east-1", "i-0crit", CRITICAL, "10"), item("us-east-1", "i-0high", HIGH, "5"));
        TestEstate.set(BETA, item("us-east-1", "vol-zzz", HIGH, "3"));
        RunOutcome o = run(D1, List.of());

        Path dir = reports.resolve(D1.toString());
        Path alpha = dir.resolve("consolesensei-" + ALPHA + "-" + D1 + ".xlsx");
        Path beta = dir.resolve("consolesensei-" + BETA + "-" + D1 + ".xlsx");
        assertThat(o.files()).contains(dir.resolve("consolesensei-all-" + D1 + ".xlsx"), alpha, beta, eml(D1, "all"),
                eml(D1, ALPHA), eml(D1, BETA));
        assertThat(MailDeliveryTest.findingIds(Files.readAllBytes(alpha))).containsExactlyInAnyOrder("i-0crit", "i-0high");
        assertThat(MailDeliveryTest.findingIds(Files.readAllBytes(beta))).containsExactly("vol-zzz");
        MimeMessage betaSummary = Mails.read(eml(D1, BETA));
        assertThat(betaSummary.getSubject()).isEqualTo("[ConsoleSensei] 210987654321: 3.00 USD/month savings \u2014 0 critical, 1 high, 1 new");
        assertThat(betaSummary.getAllRecipients()).as("no recipients of its own: written, sent to nobody").isNull();
    }

    @Test
    void demoRunIsMarkedDemoInEverySummary() throws Exception {
        TestEstate.set("111111111111", item("us-east-1", "i-0demo", CRITICAL, "7.25"));
        TestEstate.set("222222222222", TestEstate.denied("us-west-2", "not allowed to <describe> things"));
        RunOutcome o = runner.run(new RunRequest(UUID.randomUUID().toString(), D1, List.of(), List.of(), reports,
                false, true, false));
        assertThat(o.exitCode()).isEqualTo(3); // the coverage gap
        MimeMessage all = Mails.read(eml(D1, "all"));
        assertThat(all.getSubject()).isEqualTo("DEMO [ConsoleSensei] all: 7.25 USD/month savings \u2014 1 critical, 0 high, 1 new");
        Mails parts = Mails.parts(all);
        assertThat(parts.text()).startsWith("DEMO: built-in demo estate");
        assertThat(parts.html()).contains("DEMO: built-in demo estate");
        // coverage gaps with their remedies, escaped in HTML
        String remedy = cloud.consolesensei.aws.ErrorClass.ACCESS_DENIED.remedy();
        assertThat(parts.text()).contains("- 222222222222 us-west-2 ec2:DescribeThings Access denied: UnauthorizedOperation: not allowed to <describe> things",
                "Remedy: " + remedy);
        assertThat(parts.html()).contains("not allowed to &lt;describe&gt; things", remedy.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;"));
        // the facts of the AccountFacts beans (the cost package's month to date, forecast...)
        assertThat(parts.text()).contains("COSTS", "DEMO-production (111111111111)", "Month to date (USD): 1,234.50 USD",
                "Forecast (USD): unknown");
        // the demo accounts have recipients of their own: their summaries are written too (not sent: no SMTP)
        assertThat(Mails.read(eml(D1, "111111111111")).getSubject()).startsWith("DEMO [ConsoleSensei] 111111111111: 7.25 USD/month savings \u2014 1 critical");
        assertThat(Mails.read(eml(D1, "222222222222")).getSubject()).startsWith("DEMO [ConsoleSensei] 222222222222: 0.00 USD/month savings \u2014 0 critical");
    }

    @Autowired
    SummaryComposer composer;

    /** The summary is built from GROUP BY and top-N queries: its lists stay at 20 whatever the run holds. */
    @Test
    void summaryOfALargeRunIsBounded() {
        String run = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO audit_run (run_id, scope, as_of, demo, started_at) VALUES (?, 'all', ?, FALSE, CURRENT_TIMESTAMP)",
                run, Date.valueOf(D1));
        jdbc.update("INSERT INTO run_account (run_id, account_id) VALUES (?, ?)", run, ALPHA);
        int n = 20_000;
        List<Object[]> findings = new ArrayList<>();
        List<Object[]> seen = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Severity sev = i % 4 == 0 ? Severity.CRITICAL : i % 4 == 1 ? Severity.HIGH : Severity.LOW;
            String check = sev == Severity.CRITICAL ? "test.critical_thing" : sev == Severity.HIGH ? "test.high_thing" : "test.low_thing";
            String fp = Finding.fingerprint(ALPHA, "us-east-1", check, "r-" + i);
            BigDecimal usd = new BigDecimal(i % 100).movePointLeft(2);
            String status = i % 10 == 9 ? "SUPPRESSED" : i % 2 == 0 ? "NEW" : "OPEN";
            findings.add(new Object[]{fp, ALPHA, "alpha", "us-east-1", "ec2", "Test resource", "r-" + i, check, sev.name(),
                    "t", "d", usd, status, Date.valueOf(D1), Date.valueOf(D1), run});
            seen.add(new Object[]{run, fp, ALPHA, status, sev.name(), usd, check, "us-east-1", "r-" + i});
        }
        jdbc.batchUpdate("INSERT INTO finding (fingerprint, account_id, account_name, region, service, resource_type, resource_id,"
                + " check_id, severity, title, detail, monthly_cost_usd, status, first_seen, last_seen, last_run_id)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", findings);
        jdbc.batchUpdate("INSERT INTO run_finding (run_id, fingerprint, account_id, status, severity, monthly_cost_usd,"
                + " check_id, region, resource_id) VALUES (?,?,?,?,?,?,?,?,?)", seen);
        var scope = new cloud.consolesensei.report.ReportScope(run, "all",
                List.of(new cloud.consolesensei.aws.AccountTarget(ALPHA, "alpha", null, null, List.of("us-east-1"), List.of(), null, List.of())),
                D1, false);

        EmailSummary s = composer.compose(scope, 1, java.time.Duration.ofSeconds(75), "w.xlsx", null);

        assertThat(s.newTop()).hasSize(20).allSatisfy(l -> assertThat(l.severity()).isEqualTo("CRITICAL"));
        assertThat(s.newTop().get(0).amount()).as("a savings check: per month").isEqualTo("0.96 USD/month");
        // NEW = even i not suppressed: critical (i%4==0) and high never (i%4==1 is odd) -> 5,000 critical
        assertThat(s.newMore()).isEqualTo(5_000 - 20);
        assertThat(s.severities()).extracting(EmailSummary.SeverityLine::severity, EmailSummary.SeverityLine::count)
                .startsWith(tuple("CRITICAL", 5_000), tuple("HIGH", 4_000));
        assertThat(s.suppressedCount()).isEqualTo(2_000);
        assertThat(s.savingsByCheck()).hasSize(3);
        assertThat(s.alertsByCheck()).isEmpty();
        assertThat(s.duration()).isEqualTo("1m 15s");
    }

    private RunOutcome run(LocalDate asOf, List<String> accounts) throws Exception {
        RunOutcome o = runner.run(new RunRequest(UUID.randomUUID().toString(), asOf, accounts, List.of(), reports,
                false, false, false));
        assertThat(o.status()).isEqualTo("COMPLETED");
        return o;
    }

    private Path eml(LocalDate asOf, String scope) {
        return reports.resolve(asOf.toString()).resolve("summary-" + scope + "-" + asOf + ".eml");
    }

    private String subject(LocalDate asOf) throws Exception {
        MimeMessage m = Mails.read(eml(asOf, "all"));
        return m.getSubject();
    }

    /** Current status by resource ID. */
    private Map<String, String> status() {
        Map<String, String> m = new java.util.TreeMap<>();
        jdbc.query("SELECT resource_id, status FROM finding", rs -> {
            m.put(rs.getString(1), rs.getString(2));
        });
        return m;
    }

    private Map<String, Object> row(String resourceId) {
        return jdbc.queryForMap("SELECT first_seen, last_seen, resolved_on, status, last_run_id FROM finding WHERE resource_id = ?",
                resourceId);
    }

    private static Row find(Sheet s, String firstCell) {
        for (Row r : s) {
            if (r.getCell(0) != null && r.getCell(0).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                    && r.getCell(0).getStringCellValue().equals(firstCell)) return r;
        }
        throw new AssertionError("no row starting with " + firstCell + " in " + s.getSheetName());
    }

    private static double num(Row r, int col) {
        return r.getCell(col).getNumericCellValue();
    }

    @SuppressWarnings("unused")
    private static BigDecimal usd(String s) {
        return new BigDecimal(s);
    }

    @SuppressWarnings("unused")
    private static String fp(String account, String resource, String check) {
        return Finding.fingerprint(account, "us-east-1", check, resource);
    }
}
