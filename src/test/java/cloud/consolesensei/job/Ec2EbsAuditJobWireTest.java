package cloud.consolesensei.job;

import static cloud.consolesensei.testkit.AwsWire.action;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.JobTest;
import cloud.consolesensei.testkit.WireEstate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit job end to end over the wire: WireMock answers STS and EC2 in the XML the API
 * references document, for two accounts (one through AssumeRole) and two regions; the job runs
 * through the real SDK (paginators, signing, retries), and the test reads back the findings CSV and
 * the workbook. A second run shows the same findings OPEN with their first_seen kept.
 */
@JobTest
class Ec2EbsAuditJobWireTest {

    private static final String EC2 = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static final String BASE_ACCOUNT = "111122223333";
    private static final String ROLE_ACCOUNT = "444455556666";
    private static final String ROLE_KEY = "ASIAROLEEXAMPLE00002";
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");

    @TempDir
    Path work;

    private AwsWire aws;

    @BeforeEach
    void estate() {
        aws = new AwsWire();
        // Everything not stubbed (other services) answers 404: those become coverage gaps.
        aws.stub(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404)));
        aws.stub(action("GetCallerIdentity").willReturn(WireEstate.callerIdentityAnswer(BASE_ACCOUNT)));
        aws.stub(action("AssumeRole").withRequestBody(containing("RoleArn=arn%3Aaws%3Aiam%3A%3A444455556666%3Arole%2Faudit"))
                .willReturn(WireEstate.session(ROLE_ACCOUNT, "audit", ROLE_KEY, WireEstate.ROLE_SECRET, "2099-01-01T00:00:00Z")));
        for (String region : REGIONS) {
            stubEc2(AwsWire.BASE_KEY, BASE_ACCOUNT, region);
            stubEc2(ROLE_KEY, ROLE_ACCOUNT, region);
        }
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void auditsTwoAccountsAndTwoRegionsThroughTheRealSdk() throws Exception {
        Path config = work.resolve("audit.yml");
        Files.writeString(config, """
                consolesensei:
                  accounts:
                    - id: "111122223333"
                      name: base-account
                      regions: [us-east-1, eu-west-1]
                    - id: "444455556666"
                      name: role-account
                      role-arn: arn:aws:iam::444455556666:role/audit
                      external-id: ext-id-do-not-leak
                      regions: [us-east-1, eu-west-1]
                """);
        Path reports = work.resolve("reports");

        Cli.Result first = Cli.run(work, "run", "--config", config.toString(), "--as-of", "2026-11-29",
                "--reports-dir", reports.toString(), "--no-email");

        assertThat(first.out()).contains("report: " + reports.resolve("2026-11-29/consolesensei-all-2026-11-29.xlsx"))
                .contains("report: " + reports.resolve("2026-11-29/findings-all-2026-11-29.csv"))
                .contains("report: " + reports.resolve("2026-11-29/coverage-all-2026-11-29.csv"));
        List<CSVRecord> rows = csv(reports.resolve("2026-11-29/findings-all-2026-11-29.csv"));
        Map<String, String> expected = expectedFindings();
        assertThat(keyed(rows)).isEqualTo(expected);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("status")).isEqualTo("NEW");
            assertThat(r.get("first_seen")).isEqualTo("2026-11-29");
            assertThat(r.get("last_seen")).isEqualTo("2026-11-29");
            assertThat(r.get("account_name")).isIn("base-account", "role-account");
        });
        // Nothing of EC2 or STS is a gap: the two accounts and regions were read whole.
        List<CSVRecord> gaps = csv(reports.resolve("2026-11-29/coverage-all-2026-11-29.csv"));
        assertThat(gaps).extracting(g -> g.get("service")).doesNotContain("ec2", "sts");

        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(reports.resolve("2026-11-29/consolesensei-all-2026-11-29.xlsx")))) {
            assertThat(wb.getSheet("Summary")).isNotNull();
            Sheet findings = wb.getSheet("Findings");
            assertThat(findings.getLastRowNum()).isEqualTo(expected.size());
            Map<String, String> fromSheet = new TreeMap<>();
            for (int i = 1; i <= findings.getLastRowNum(); i++) {
                Row r = findings.getRow(i);
                String cost = r.getCell(11) == null || r.getCell(11).getCellType() == org.apache.poi.ss.usermodel.CellType.BLANK
                        ? "" : String.format("%.2f", r.getCell(11).getNumericCellValue());
                fromSheet.put(r.getCell(2).getStringCellValue() + " " + r.getCell(4).getStringCellValue() + " "
                        + r.getCell(8).getStringCellValue() + " " + r.getCell(7).getStringCellValue(),
                        r.getCell(0).getStringCellValue() + " " + cost);
                assertThat(r.getCell(7).getHyperlink()).as("console link").isNotNull();
            }
            assertThat(fromSheet).isEqualTo(expected);
            assertThat(wb.getSheet("EC2 Instances").getLastRowNum()).isEqualTo(8);
            assertThat(wb.getSheet("EBS Volumes").getLastRowNum()).isEqualTo(8);
            assertThat(wb.getSheet("Coverage")).isNotNull();
        }

        Cli.Result second = Cli.run(work, "run", "--config", config.toString(), "--as-of", "2026-11-30",
                "--reports-dir", reports.toString(), "--no-email");
        assertThat(second.out()).contains("report: ");
        List<CSVRecord> again = csv(reports.resolve("2026-11-30/findings-all-2026-11-30.csv"));
        assertThat(keyed(again).keySet()).as("%s", second.err().lines().filter(l -> l.contains("WARN") || l.contains("ERROR"))
                .collect(java.util.stream.Collectors.joining("\n"))).isEqualTo(expected.keySet());
        assertThat(again).allSatisfy(r -> {
            assertThat(r.get("status")).isEqualTo("OPEN");
            assertThat(r.get("first_seen")).isEqualTo("2026-11-29");
            assertThat(r.get("last_seen")).isEqualTo("2026-11-30");
        });
    }

    /** "account region check resource" -> "SEVERITY cost", worked out by hand from the bundled prices. */
    private static Map<String, String> expectedFindings() {
        Map<String, String> m = new TreeMap<>();
        for (String account : List.of(BASE_ACCOUNT, ROLE_ACCOUNT)) {
            for (String region : REGIONS) {
                String t = tag(account, region);
                boolean us = region.equals("us-east-1");
                String p = account + " " + region + " ";
                m.put(p + "ec2.instance_previous_generation i-" + t + "1", "LOW ");
                m.put(p + "ec2.instance_imdsv1 i-" + t + "1", "HIGH ");           // running, optional tokens, public IP
                m.put(p + "ec2.instance_missing_tags i-" + t + "1", "LOW ");
                // stopped 2026-09-01: 89 days; its gp3 100 GiB volume: 100 x 0.08 (us-east-1) / 0.088 (eu-west-1)
                m.put(p + "ec2.instance_stopped_long i-" + t + "2", "LOW " + (us ? "8.00" : "8.80"));
                m.put(p + "ec2.eip_unassociated eipalloc-" + t + "1", "LOW 3.65");  // 0.005 x 730
                m.put(p + "ec2.security_group_admin_ports_open sg-" + t + "1", "HIGH ");
                // gp2 200 GiB available: 200 x 0.10 / 0.11
                m.put(p + "ebs.volume_unattached vol-" + t + "3", "MEDIUM " + (us ? "20.00" : "22.00"));
                // no ebs.volume_gp2: above 170 GiB gp3 must buy 125 MiB/s more to match gp2's throughput,
                // so 200 GiB gp2 (20.00) against gp3 16.00 + 5.00 throughput (125 x 0.04) saves nothing (checks.md)
                m.put(p + "ebs.volume_unencrypted vol-" + t + "3", "MEDIUM ");
                m.put(p + "ebs.snapshot_old snap-" + t + "1", "LOW 2.50");          // 50 GiB x 0.05
                m.put(p + "ebs.snapshot_orphaned snap-" + t + "2", "LOW 1.00");     // 20 GiB x 0.05
                m.put(p + "ebs.default_encryption_off " + account, "MEDIUM ");
            }
        }
        return m;
    }

    private static Map<String, String> keyed(List<CSVRecord> rows) {
        Map<String, String> m = new TreeMap<>();
        for (CSVRecord r : rows) {
            m.put(r.get("account_id") + " " + r.get("region") + " " + r.get("check_id") + " " + r.get("resource_id"),
                    r.get("severity") + " " + r.get("monthly_cost_usd"));
        }
        return m;
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        return new ArrayList<>(Cli.csv(file));
    }

    private static String tag(String account, String region) {
        return (account.equals(BASE_ACCOUNT) ? "0a" : "0b") + (region.equals("us-east-1") ? "1" : "2") + "00000000000";
    }

    // ---- the EC2 estate of one account and region, as the Amazon EC2 API Reference shows responses

    private void stubEc2(String key, String account, String region) {
        new WireEstate(aws).ec2(key, account, region, tag(account, region));
    }
}
