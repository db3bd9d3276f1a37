package cloud.consolesensei.iam;

import static cloud.consolesensei.iam.IamTestSupport.ACCOUNT;
import static cloud.consolesensei.testkit.Fixtures.AS_OF;
import static cloud.consolesensei.iam.IamTestSupport.OTHER_ACCOUNT;
import static cloud.consolesensei.iam.IamTestSupport.audit;
import static cloud.consolesensei.iam.IamTestSupport.daysAgo;
import static cloud.consolesensei.iam.IamXml.action;
import static cloud.consolesensei.iam.IamXml.el;
import static cloud.consolesensei.iam.IamXml.error;
import static cloud.consolesensei.iam.IamXml.members;
import static cloud.consolesensei.iam.IamXml.ok;
import static cloud.consolesensei.iam.IamXml.page;
import static cloud.consolesensei.iam.IamXml.param;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cloud.consolesensei.aws.AwsSettings;
import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.aws.SdkAwsClients;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.coverage.CoverageGap;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.iam.IamTestSupport.Row;
import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.Gaps;
import cloud.consolesensei.testkit.WireTest;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


/**
 * The IAM sources through the real AWS SDK against WireMock serving IAM Query API XML: the
 * credential report flow (STARTED, then COMPLETE, then ReportInProgress, then the report), paging
 * with IsTruncated/Marker, URL-encoded policy documents, NoSuchEntity for the password policy, and
 * AccessDenied on ListRoles.
 */
@WireTest
class IamWireTest {

    static final Instant NOW = AS_OF.atTime(12, 0).toInstant(ZoneOffset.UTC);
    static final String ADMIN = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
            + "\"Resource\":\"*\"}]}";
    static final String ADMIN_ARRAYS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"All things\","
            + "\"Effect\":\"Allow\",\"Action\":[\"*\"],\"Resource\":[\"*\"]}]}";
    static final String READ_S3 = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
            + "\"Action\":[\"s3:Get*\",\"s3:List*\"],\"Resource\":\"*\"}}";
    static final String EC2_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String PARTNER_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + OTHER_ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String VENDOR_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"" + OTHER_ACCOUNT + "\"},\"Action\":\"sts:AssumeRole\","
            + "\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"vendor-42\"}}}]}";
    static final String OWN_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String SUPPORT_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"support.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private AwsWire aws;
    private WireMockServer wire;
    private SdkAwsClients clients;
    private final List<Duration> sleeps = new ArrayList<>();
    private final Gaps gaps = new Gaps();
    private IamModule module;

    @BeforeEach
    void start() {
        aws = AwsWire.withJournal();
        wire = aws.server();
        clients = aws.clients(AwsSettings.defaults());
        module = new IamModule(sleeps::add, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private ReadContext ctx() {
        return IamTestSupport.readContext(clients, gaps);
    }

    private <R> List<Finding> run(Class<?> sourceType) {
        return module.sources().stream().filter(sourceType::isInstance)
                .flatMap(s -> audit(s, ctx()).stream()).toList();
    }

    /** The report: root and four users covering every special value of the format. */
    static String report() {
        return Row.HEADER + "\n" + String.join("\n",
                Row.root().mfa(false).password("not_supported", daysAgo(5), "not_supported")
                        .key(1, true, "2019-03-02T09:00:00+00:00", "N/A").created("2019-03-01T08:00:00+00:00").csv(),
                Row.user("alice").mfa(false).password("true", "no_information", daysAgo(100)).created(daysAgo(100)).csv(),
                Row.user("bob").password("false", "N/A", "N/A").key(1, true, daysAgo(200), daysAgo(2))
                        .key(2, true, daysAgo(50), "N/A").csv(),
                Row.user("carol").mfa(true).password("true", daysAgo(1), daysAgo(30)).key(1, true, daysAgo(30), daysAgo(1))
                        .csv(),
                Row.user("dave").key(1, false, daysAgo(400), daysAgo(300)).csv()) + "\n";
    }

    void stubCredentialReport() {
        String content = Base64.getEncoder().encodeToString(report().getBytes(StandardCharsets.UTF_8));
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("GenerateCredentialReport"))
                .inScenario("report").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("generating")
                .willReturn(ok("GenerateCredentialReport", el("State", "STARTED")
                        + el("Description", "No report exists. Starting a new report generation task"))));
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("GenerateCredentialReport"))
                .inScenario("report").whenScenarioStateIs("generating").willSetStateTo("complete")
                .willReturn(ok("GenerateCredentialReport", el("State", "COMPLETE"))));
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("GetCredentialReport"))
                .inScenario("report").whenScenarioStateIs("complete").willSetStateTo("ready")
                .willReturn(error(404, "ReportInProgress", "Report generation in progress. Try again later.")));
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("GetCredentialReport"))
                .inScenario("report").whenScenarioStateIs("ready")
                .willReturn(ok("GetCredentialReport", el("Content", content) + el("ReportFormat", "text/csv")
                        + el("GeneratedTime", NOW.minusSeconds(600)))));
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("ListAccessKeys"))
                .withRequestBody(containing(param("UserName", "bob")))
                .willReturn(ok("ListAccessKeys", el("UserName", "bob") + members("AccessKeyMetadata",
                        el("UserName", "bob") + el("AccessKeyId", "AKIABOB2") + el("Status", "Active")
                                + el("CreateDate", AS_OF.minusDays(50) + "T10:20:30Z"),
                        el("UserName", "bob") + el("AccessKeyId", "AKIABOB1") + el("Status", "Active")
                                + el("CreateDate", AS_OF.minusDays(200) + "T10:20:30Z")) + page(null))));
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("ListAccessKeys"))
                .withRequestBody(containing(param("UserName", "carol")))
                .willReturn(ok("ListAccessKeys", el("UserName", "carol") + members("AccessKeyMetadata",
                        el("UserName", "carol") + el("AccessKeyId", "AKIACAROL") + el("Status", "Active")
                                + el("CreateDate", AS_OF.minusDays(30) + "T10:20:30Z")) + page(null))));
    }

    @Test
    void credentialReportIsPolledThroughReportInProgressAndJudged() {
        stubCredentialReport();
        List<Finding> findings = run(CredentialReportSource.class);

        String root = "arn:aws:iam::" + ACCOUNT + ":root";
        assertThat(findings).extracting(Finding::checkId, Finding::resourceId).containsExactlyInAnyOrder(
                tuple("iam.root_mfa_disabled", root),
                tuple("iam.root_access_key_active", root),
                tuple("iam.root_used_recently", root),
                tuple("iam.user_console_no_mfa", "alice"),
                tuple("iam.user_inactive", "alice"),
                tuple("iam.access_key_not_rotated", "AKIABOB1"),
                tuple("iam.access_key_unused", "AKIABOB2"),
                tuple("iam.user_two_active_keys", "bob"));
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.accountId()).isEqualTo(ACCOUNT);
            assertThat(f.region()).isEqualTo("global");
        });
        assertThat(gaps.recorded()).isEmpty();
        // one wait after STARTED, one after ReportInProgress; both the first, short, delays
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        wire.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(action("GenerateCredentialReport")));
        wire.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(action("GetCredentialReport")));
        // ListAccessKeys only for users with an active key: bob and carol
        wire.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(action("ListAccessKeys")));
    }

    @Test
    void credentialReportRowsBecomeTheUsersSheet() {
        stubCredentialReport();
        CredentialReportSource source = (CredentialReportSource) module.sources().stream()
                .filter(CredentialReportSource.class::isInstance).findFirst().orElseThrow();
        ReadContext ctx = ctx();
        List<cloud.consolesensei.collect.InventoryRow> rows = source.read(ctx)
                .map(r -> source.inventoryRow(r, ctx.checkContext())).toList();
        assertThat(rows).extracting(r -> r.resourceId()).containsExactly("arn:aws:iam::" + ACCOUNT + ":root",
                "alice", "bob", "carol", "dave");
        assertThat(rows.get(2).sheet()).isEqualTo("IAM Users");
        assertThat(rows.get(2).cells()).containsExactly("bob", "arn:aws:iam::" + ACCOUNT + ":user/bob", false, false,
                null, "AKIABOB1", true, 200L, AS_OF.minusDays(2), "AKIABOB2", true, 50L, null);
    }

    @Test
    void missingPasswordPolicyIsAFindingNotAGap() {
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("GetAccountPasswordPolicy"))
                .willReturn(error(404, "NoSuchEntity",
                        "The Password Policy with domain name " + ACCOUNT + " cannot be found.")));
        assertThat(run(PasswordPolicySource.class)).singleElement().satisfies(f -> {
            assertThat(f.checkId()).isEqualTo("iam.password_policy_weak");
            assertThat(f.resourceId()).isEqualTo(ACCOUNT);
            assertThat(f.detail()).contains("no password policy");
        });
        assertThat(gaps.recorded()).isEmpty();
    }

    @Test
    void weakPasswordPolicyIsReadFromItsDocumentedShape() {
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("GetAccountPasswordPolicy"))
                .willReturn(ok("GetAccountPasswordPolicy", "<PasswordPolicy>" + el("AllowUsersToChangePassword", true)
                        + el("RequireUppercaseCharacters", true) + el("RequireSymbols", true)
                        + el("ExpirePasswords", false) + el("PasswordReusePrevention", 12)
                        + el("RequireLowercaseCharacters", true) + el("MaxPasswordAge", 90) + el("HardExpiry", false)
                        + el("RequireNumbers", true) + el("MinimumPasswordLength", 14) + "</PasswordPolicy>")));
        assertThat(run(PasswordPolicySource.class)).singleElement().extracting(Finding::detail).asString()
                .contains("password reuse prevention 12 (below 24)").doesNotContain("minimum password length");
    }

    void stubUsersAndPolicies() {
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("ListUsers"))
                .withRequestBody(not(containing("Marker=")))
                .willReturn(ok("ListUsers", members("Users", IamXml.user("alice", NOW.minusSeconds(86400 * 100)),
                        IamXml.user("bob", NOW.minusSeconds(86400 * 300))) + page("users-page-2"))));
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("ListUsers"))
                .withRequestBody(containing(param("Marker", "users-page-2")))
                .willReturn(ok("ListUsers", members("Users", IamXml.user("carol", NOW.minusSeconds(86400 * 30)),
                        IamXml.user("ops", NOW.minusSeconds(86400 * 30))) + page(null))));
        attached("alice", "AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess");
        attached("bob");
        attached("carol", "ReadS3", "arn:aws:iam::" + ACCOUNT + ":policy/ReadS3");
        attached("ops", "Everything", "arn:aws:iam::" + ACCOUNT + ":policy/Everything",
                "ReadS3", "arn:aws:iam::" + ACCOUNT + ":policy/ReadS3");
        inline("alice");
        inline("bob", "legacy-admin");
        inline("carol");
        inline("ops");
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("GetUserPolicy"))
                .withRequestBody(containing(param("UserName", "bob")))
                .willReturn(ok("GetUserPolicy", el("UserName", "bob") + el("PolicyName", "legacy-admin")
                        + el("PolicyDocument", PolicyChecksTest.encoded(ADMIN)))));
        managed("ReadS3", "v3", READ_S3);
        managed("Everything", "v1", ADMIN_ARRAYS);
    }

    private void attached(String user, String... nameArn) {
        String[] m = new String[nameArn.length / 2];
        for (int i = 0; i < m.length; i++) {
            m[i] = el("PolicyName", nameArn[2 * i]) + el("PolicyArn", nameArn[2 * i + 1]);
        }
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("ListAttachedUserPolicies"))
                .withRequestBody(containing(param("UserName", user)))
                .willReturn(ok("ListAttachedUserPolicies", members("AttachedPolicies", m) + page(null))));
    }

    private void inline(String user, String... names) {
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("ListUserPolicies"))
                .withRequestBody(containing(param("UserName", user)))
                .willReturn(ok("ListUserPolicies", members("PolicyNames", names) + page(null))));
    }

    private void managed(String name, String version, String json) {
        String arn = "arn:aws:iam::" + ACCOUNT + ":policy/" + name;
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("GetPolicy"))
                .withRequestBody(containing(param("PolicyArn", arn)))
                .willReturn(ok("GetPolicy", "<Policy>" + el("PolicyName", name) + el("DefaultVersionId", version)
                        + el("PolicyId", "ANPA" + name.toUpperCase()) + el("Path", "/") + el("Arn", arn)
                        + el("AttachmentCount", 2) + el("CreateDate", NOW.minusSeconds(86400 * 400))
                        + el("IsAttachable", true) + el("UpdateDate", NOW.minusSeconds(86400 * 40)) + "</Policy>")));
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("GetPolicyVersion"))
                .withRequestBody(containing(param("PolicyArn", arn)))
                .withRequestBody(containing(param("VersionId", version)))
                .willReturn(ok("GetPolicyVersion", "<PolicyVersion>" + el("Document", PolicyChecksTest.encoded(json))
                        + el("IsDefaultVersion", true) + el("VersionId", version)
                        + el("CreateDate", NOW.minusSeconds(86400 * 40)) + "</PolicyVersion>")));
    }

    @Test
    void adminPoliciesAreFoundAcrossTwoPagesOfUsersWithUrlEncodedDocuments() {
        stubUsersAndPolicies();
        List<Finding> findings = run(UserPoliciesSource.class);
        assertThat(findings).extracting(Finding::checkId, Finding::resourceId).containsExactly(
                tuple("iam.user_admin_attached", "alice"),
                tuple("iam.user_admin_attached", "bob"),
                tuple("iam.user_admin_attached", "ops"));
        assertThat(findings.get(1).detail()).contains("inline policy legacy-admin");
        assertThat(findings.get(2).detail()).contains("customer managed policy Everything")
                .doesNotContain("ReadS3");
        assertThat(gaps.recorded()).isEmpty();
        wire.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(action("ListUsers")));
        // ReadS3 is attached to carol and ops, read once
        wire.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(action("GetPolicy"))
                .withRequestBody(containing(param("PolicyArn", "arn:aws:iam::" + ACCOUNT + ":policy/ReadS3"))));
        // AWS managed policies are judged by ARN: no document fetched
        wire.verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(containing(
                param("PolicyArn", "arn:aws:iam::aws:policy/AdministratorAccess"))));
    }

    void stubRoles() {
        Instant created = NOW.minusSeconds(86400L * 500);
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("ListRoles"))
                .withRequestBody(not(containing("Marker=")))
                .willReturn(ok("ListRoles", page("roles-page-2") + members("Roles",
                        IamXml.role("app-server", "/", created, EC2_TRUST),
                        IamXml.role("partner-audit", "/", created, PARTNER_TRUST)))));
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("ListRoles"))
                .withRequestBody(containing(param("Marker", "roles-page-2")))
                .willReturn(ok("ListRoles", page(null) + members("Roles",
                        IamXml.role("vendor-ok", "/", created, VENDOR_TRUST),
                        IamXml.role("stale-batch", "/batch/", created, OWN_TRUST),
                        IamXml.role("AWSServiceRoleForSupport", "/aws-service-role/support.amazonaws.com/", created,
                                SUPPORT_TRUST)))));
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("GetAccountAuthorizationDetails"))
                .withRequestBody(containing(param("Filter.member.1", "Role")))
                .willReturn(ok("GetAccountAuthorizationDetails", page(null) + "<UserDetailList/><GroupDetailList/>"
                        + members("RoleDetailList",
                        IamXml.roleDetail("app-server", "/", created, EC2_TRUST, NOW.minusSeconds(86400 * 3), "eu-west-1"),
                        IamXml.roleDetail("partner-audit", "/", created, PARTNER_TRUST, NOW.minusSeconds(86400 * 10),
                                "us-east-1"),
                        IamXml.roleDetail("vendor-ok", "/", created, VENDOR_TRUST, NOW.minusSeconds(86400), "us-east-1"),
                        IamXml.roleDetail("stale-batch", "/batch/", created, OWN_TRUST, NOW.minusSeconds(86400 * 200),
                                "us-west-2"),
                        IamXml.roleDetail("AWSServiceRoleForSupport", "/aws-service-role/support.amazonaws.com/",
                                created, SUPPORT_TRUST, null, null)) + "<Policies/>")));
    }

    @Test
    void rolesArePagedAndJudgedWithTheirLastUse() {
        stubRoles();
        List<Finding> findings = run(RoleSource.class);
        assertThat(findings).extracting(Finding::checkId, Finding::resourceId).containsExactly(
                tuple("iam.role_cross_account_no_external_id", "partner-audit"),
                tuple("iam.role_unused", "stale-batch"));
        assertThat(findings.get(0).detail()).contains("arn:aws:iam::" + OTHER_ACCOUNT + ":root");
        assertThat(findings.get(1).detail()).contains("in us-west-2").contains("200 days unused");
        assertThat(gaps.recorded()).isEmpty();
        wire.verify(2, postRequestedFor(urlEqualTo("/")).withRequestBody(action("ListRoles")));
        wire.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(action("GetAccountAuthorizationDetails")));
    }

    @Test
    void rolesSheetShowsPathDatesAndPrincipals() {
        stubRoles();
        RoleSource source = (RoleSource) module.sources().stream().filter(RoleSource.class::isInstance)
                .findFirst().orElseThrow();
        ReadContext ctx = ctx();
        var rows = source.read(ctx).map(r -> source.inventoryRow(r, ctx.checkContext())).toList();
        assertThat(rows).hasSize(5);
        assertThat(rows.get(1).cells()).containsExactly("partner-audit", "/", AS_OF.minusDays(500),
                AS_OF.minusDays(10), "us-east-1", "AWS:arn:aws:iam::" + OTHER_ACCOUNT + ":root");
        assertThat(rows.get(4).cells()).containsExactly("AWSServiceRoleForSupport",
                "/aws-service-role/support.amazonaws.com/", AS_OF.minusDays(500), null, null,
                "Service:support.amazonaws.com");
    }

    @Test
    void accessDeniedOnListRolesIsAGapWhileUserChecksStillWork() {
        stubCredentialReport();
        stubUsersAndPolicies();
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("ListRoles"))
                .willReturn(error(403, "AccessDenied", "User: arn:aws:iam::" + ACCOUNT + ":user/auditor is not "
                        + "authorized to perform: iam:ListRoles on resource: arn:aws:iam::" + ACCOUNT + ":role/")));
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("GetAccountPasswordPolicy"))
                .willReturn(error(404, "NoSuchEntity", "The Password Policy with domain name " + ACCOUNT
                        + " cannot be found.")));

        List<Finding> findings = module.sources().stream().flatMap(s -> audit(s, ctx()).stream()).toList();

        assertThat(findings).extracting(Finding::checkId).doesNotContain("iam.role_unused",
                "iam.role_cross_account_no_external_id");
        assertThat(findings).extracting(Finding::checkId).contains("iam.password_policy_weak",
                "iam.root_mfa_disabled", "iam.user_console_no_mfa", "iam.access_key_unused",
                "iam.user_admin_attached");
        assertThat(gaps.recorded()).singleElement().satisfies(g -> {
            assertThat(g).extracting(CoverageGap::accountId, CoverageGap::region, CoverageGap::service,
                    CoverageGap::operation, CoverageGap::errorClass, CoverageGap::info)
                    .containsExactly(ACCOUNT, "global", "iam", "ListRoles", ErrorClass.ACCESS_DENIED, false);
            assertThat(g.message()).startsWith("AccessDenied: User: arn:aws:iam::" + ACCOUNT + ":user/auditor");
        });
        wire.verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(action("GetAccountAuthorizationDetails")));
    }

    @Test
    void malformedDocumentsAndReportRowsAreGapsNamingTheirSubject() {
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("ListUsers"))
                .willReturn(ok("ListUsers", members("Users", IamXml.user("eve", NOW)) + page(null))));
        attached("eve");
        inline("eve", "broken");
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("GetUserPolicy"))
                .willReturn(ok("GetUserPolicy", el("UserName", "eve") + el("PolicyName", "broken")
                        + el("PolicyDocument", "%7B%22Statement%22%3A%5B"))));
        String content = Base64.getEncoder().encodeToString((Row.HEADER + "\n" + Row.user("zed").csv() + "\n"
                + "short,row\n").getBytes(StandardCharsets.UTF_8));
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("GenerateCredentialReport"))
                .willReturn(ok("GenerateCredentialReport", el("State", "COMPLETE"))));
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("GetCredentialReport"))
                .willReturn(ok("GetCredentialReport", el("Content", content) + el("ReportFormat", "text/csv")
                        + el("GeneratedTime", NOW))));

        assertThat(run(UserPoliciesSource.class)).isEmpty();
        CredentialReportSource source = (CredentialReportSource) module.sources().stream()
                .filter(CredentialReportSource.class::isInstance).findFirst().orElseThrow();
        assertThat(source.read(ctx()).map(CredentialReportRow::user)).containsExactly("zed");

        assertThat(gaps.recorded()).extracting(CoverageGap::operation, CoverageGap::errorClass).containsExactly(
                tuple("GetUserPolicy", ErrorClass.MALFORMED_RESPONSE),
                tuple("GetCredentialReport", ErrorClass.MALFORMED_RESPONSE));
        assertThat(gaps.recorded().get(0).message()).startsWith("user eve policy broken: ");
        assertThat(gaps.recorded().get(1).message()).startsWith("credential report record 2: row 2 has 2 values");
    }

    @Test
    void deniedLastUseLeavesRolesUnjudgedForUseButJudgedForTrust() {
        stubRoles();
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("GetAccountAuthorizationDetails"))
                .willReturn(error(403, "AccessDenied", "not authorized to perform: iam:GetAccountAuthorizationDetails")));
        List<Finding> findings = run(RoleSource.class);
        assertThat(findings).extracting(Finding::checkId, Finding::resourceId)
                .containsExactly(tuple("iam.role_cross_account_no_external_id", "partner-audit"));
        assertThat(gaps.recorded()).extracting(CoverageGap::operation, CoverageGap::errorClass)
                .containsExactly(tuple("GetAccountAuthorizationDetails", ErrorClass.ACCESS_DENIED));
    }
}
