package cloud.consolesensei.organizations;

import static cloud.consolesensei.organizations.OrgWire.assumeRole;
import static cloud.consolesensei.organizations.OrgWire.assumeRoleDenied;
import static cloud.consolesensei.organizations.OrgWire.callerIdentity;
import static cloud.consolesensei.organizations.OrgWire.csv;
import static cloud.consolesensei.organizations.OrgWire.organizations;
import static cloud.consolesensei.organizations.OrgWire.session;
import static cloud.consolesensei.testkit.AwsWire.action;
import static cloud.consolesensei.testkit.AwsWire.signed;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.AwsTemplate;
import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.JobTest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Organizations discovery end to end over the wire. The organization (management account
 * 111122223333, root r-ab12):
 * <pre>
 * r-ab12 Root
 *   111122223333 management        ACTIVE          (left out: not under an included OU)
 *   ou-ab12-workloads Workloads
 *     ou-ab12-produnit Prod
 *       222200000001 prod-app      ACTIVE          configured explicitly too: its own name and role win
 *     222200000004 dev-app         ACTIVE          role missing: AssumeRole denied (403)
 *   ou-ab12-sandboxes Sandboxes
 *     222200000006 sandbox-1       ACTIVE          (left out: not under an included OU)
 * 222200000002 old-app             SUSPENDED
 * 222200000003 closing-app         PENDING_CLOSURE (Status)
 * 222200000007 closing-new-api     Status ACTIVE but State PENDING_CLOSURE (newer API)
 * </pre>
 * ListAccounts answers in two pages; the configuration includes {@code ou-ab12-workloads} (so
 * prod-app two levels down is included) and excludes nothing else.
 */
@JobTest
class OrganizationDiscoveryJobWireTest {

    private static final String MANAGEMENT = "111122223333";
    private static final String CUSTOM_ROLE = "arn:aws:iam::222200000001:role/custom-audit";
    private static final String CUSTOM_KEY = "ASIACUSTOMEXAMPLE001";
    private static final String DENIED_ROLE = "arn:aws:iam::222200000004:role/ConsoleSenseiAudit";

    @TempDir
    Path work;

    private AwsWire aws;

    @BeforeEach
    void organization() {
        aws = AwsWire.withJournal();
        aws.stub(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404)));
        aws.stub(callerIdentity(MANAGEMENT));
        aws.stub(assumeRole(CUSTOM_ROLE).willReturn(session(CUSTOM_ROLE, CUSTOM_KEY)));
        aws.stub(assumeRole(DENIED_ROLE).willReturn(assumeRoleDenied(MANAGEMENT, DENIED_ROLE)));
        // management, prod-app, old-app (SUSPENDED), closing-app (PENDING_CLOSURE); then dev-app, sandbox-1 and
        // closing-new-api (Status ACTIVE, State PENDING_CLOSURE)
        aws.stub(organizations("ListAccounts").withRequestBody(notContaining("NextToken"))
                .willReturn(AwsWire.fromFile("organizations/list-accounts-statuses-page-1.json", AwsWire.JSON_11)));
        aws.stub(organizations("ListAccounts").withRequestBody(containing("\"NextToken\":\"AAQAAAAQmFyZS1wYWdlLTI=\""))
                .willReturn(AwsWire.fromFile("organizations/list-accounts-statuses-page-2.json", AwsWire.JSON_11)));
        parent(MANAGEMENT, "r-ab12", "ROOT");
        parent("222200000001", "ou-ab12-produnit", "ORGANIZATIONAL_UNIT");
        parent("ou-ab12-produnit", "ou-ab12-workloads", "ORGANIZATIONAL_UNIT");
        parent("ou-ab12-workloads", "r-ab12", "ROOT");
        parent("222200000004", "ou-ab12-workloads", "ORGANIZATIONAL_UNIT");
        parent("222200000006", "ou-ab12-sandboxes", "ORGANIZATIONAL_UNIT");
        parent("ou-ab12-sandboxes", "r-ab12", "ROOT");
        children("r-ab12", Map.of("ou-ab12-workloads", "Workloads", "ou-ab12-sandboxes", "Sandboxes"));
        children("ou-ab12-workloads", Map.of("ou-ab12-produnit", "Prod"));
        // The explicit account's one EC2 fact, readable only with its own role's session.
        aws.stub(signed(action("GetEbsEncryptionByDefault"), CUSTOM_KEY, "us-east-1", "ec2")
                .willReturn(OrgWire.ebsEncryptionByDefault(false)));
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void discoversFiltersByOuLetsExplicitAccountsWinAndReportsADeniedRoleAsAGap() throws Exception {
        Path config = work.resolve("org.yml");
        Files.writeString(config, """
                consolesensei:
                  organizations:
                    discover: true
                    role-name: ConsoleSenseiAudit
                    regions: [us-east-1]
                    include: [ou-ab12-workloads]
                  accounts:
                    - id: "222200000001"
                      name: prod-app-explicit
                      role-arn: arn:aws:iam::222200000001:role/custom-audit
                      regions: [us-east-1]
                """);
        Path reports = work.resolve("reports");

        Cli.Result r = Cli.run(work, "run", "--config", config.toString(), "--as-of", "2026-11-29",
                "--reports-dir", reports.toString(), "--no-email");

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(3);
        assertThat(r.out()).contains("Organization (management account 111122223333): 7 discovered, 2 included, 5 excluded, 1 unreachable");
        Path day = reports.resolve("2026-11-29");

        List<CSVRecord> gaps = csv(day.resolve("coverage-all-2026-11-29.csv"));
        assertThat(gaps).filteredOn(g -> g.get("service").equals("sts"))
                .extracting(g -> g.get("account_id") + " " + g.get("region") + " " + g.get("operation") + " " + g.get("error_class"))
                .containsExactly("222200000004 global AssumeRole ROLE_NOT_ASSUMABLE");
        assertThat(gaps).filteredOn(g -> g.get("service").equals("sts")).first()
                .satisfies(g -> assertThat(g.get("message")).contains("not authorized to perform: sts:AssumeRole"));
        // Only the two included accounts are in the run; nothing of the others was called.
        assertThat(gaps).extracting(g -> g.get("account_id")).containsOnly("222200000001", "222200000004");

        List<CSVRecord> findings = csv(day.resolve("findings-all-2026-11-29.csv"));
        assertThat(findings).extracting(f -> f.get("account_id") + " " + f.get("account_name") + " " + f.get("check_id"))
                .containsExactly("222200000001 prod-app-explicit ebs.default_encryption_off");

        // The explicit entry's role was used, never the discovered role of the same account.
        aws.server().verify(0, postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing(
                "RoleArn=" + URLEncoder.encode("arn:aws:iam::222200000001:role/ConsoleSenseiAudit", StandardCharsets.UTF_8))));
        // Excluded accounts were never assumed into, and ListAccounts was paged exactly twice.
        for (String excluded : List.of(MANAGEMENT, "222200000002", "222200000003", "222200000006", "222200000007")) {
            aws.server().verify(0, postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("iam%3A%3A" + excluded)));
        }
        aws.server().verify(2, postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AWSOrganizationsV20161128.ListAccounts")));
        // Suspended and closing accounts need no ancestry.
        aws.server().verify(0, postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AWSOrganizationsV20161128.ListParents"))
                .withRequestBody(matchingJsonPath("$.ChildId", equalTo("222200000002"))));

        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(day.resolve("consolesensei-all-2026-11-29.xlsx")))) {
            Sheet sheet = wb.getSheet("Organization");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("7 discovered, 2 included, 5 excluded, 1 unreachable");
            Map<String, List<String>> rows = new LinkedHashMap<>();
            for (int i = 4; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                List<String> cells = new ArrayList<>();
                for (int c = 1; c < 9; c++) cells.add(row.getCell(c) == null ? "" : row.getCell(c).getStringCellValue());
                rows.put(row.getCell(0).getStringCellValue(), cells);
            }
            assertThat(rows.keySet()).containsExactly(MANAGEMENT, "222200000001", "222200000002", "222200000003",
                    "222200000004", "222200000006", "222200000007");
            assertThat(rows.get("222200000001")).containsExactly("prod-app", "prod-app@example.com", "ACTIVE",
                    "Root (r-ab12) / Workloads (ou-ab12-workloads) / Prod (ou-ab12-produnit)", "configured (accounts[])",
                    "ACTIVE, kept by the include/exclude filters", CUSTOM_ROLE, "yes");
            assertThat(rows.get("222200000004")).containsExactly("dev-app", "dev-app@example.com", "ACTIVE",
                    "Root (r-ab12) / Workloads (ou-ab12-workloads)", "included",
                    "ACTIVE, kept by the include/exclude filters", DENIED_ROLE,
                    "no: role could not be assumed (see Coverage)");
            assertThat(rows.get("222200000006").subList(3, 6)).containsExactly(
                    "Root (r-ab12) / Sandboxes (ou-ab12-sandboxes)", "excluded", "not matched by any include entry");
            assertThat(rows.get(MANAGEMENT).subList(4, 6)).containsExactly("excluded", "not matched by any include entry");
            assertThat(rows.get("222200000002").subList(2, 6)).containsExactly("SUSPENDED", "", "excluded", "not ACTIVE (SUSPENDED)");
            assertThat(rows.get("222200000003").subList(2, 6))
                    .containsExactly("PENDING_CLOSURE", "", "excluded", "not ACTIVE (PENDING_CLOSURE)");
            assertThat(rows.get("222200000007").subList(2, 6))
                    .containsExactly("PENDING_CLOSURE", "", "excluded", "not ACTIVE (PENDING_CLOSURE)");
        }
    }

    private void parent(String child, String parent, String type) {
        aws.stub(organizations("ListParents").withRequestBody(matchingJsonPath("$.ChildId", equalTo(child)))
                .willReturn(AwsTemplate.of("organizations/list-parents.json").answer(AwsWire.JSON_11, "id", parent,
                        "type", type)));
    }

    private void children(String parent, Map<String, String> ous) {
        List<String> items = new ArrayList<>();
        ous.forEach((id, name) -> items.add(AwsTemplate.of("organizations/organizational-unit.json").fill("id", id,
                "name", name)));
        aws.stub(organizations("ListOrganizationalUnitsForParent").withRequestBody(matchingJsonPath("$.ParentId", equalTo(parent)))
                .willReturn(AwsTemplate.of("organizations/list-organizational-units-for-parent.json").answer(AwsWire.JSON_11,
                        "items", String.join(", ", items))));
    }
}
