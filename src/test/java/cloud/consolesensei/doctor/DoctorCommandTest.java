package cloud.consolesensei.doctor;

import static cloud.consolesensei.testkit.AwsWire.action;
import static cloud.consolesensei.testkit.AwsWire.signed;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.AwsTemplate;
import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.JobTest;
import cloud.consolesensei.testkit.WireEstate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code doctor} through the real command line: against WireMock (base identity, AssumeRole,
 * regions, one probe per action, one action denied), against the demo fakes, {@code --policy},
 * and bad usage.
 */
@JobTest
class DoctorCommandTest {

    private static final String BASE_ACCOUNT = "111122223333";
    private static final String ROLE_ACCOUNT = "444455556666";
    private static final String ROLE_KEY = "ASIAROLEEXAMPLE00002";

    @TempDir
    Path work;

    private Path config() throws Exception {
        Path config = work.resolve("audit.yml");
        Files.writeString(config, """
                consolesensei:
                  accounts:
                    - id: "111122223333"
                      name: base-account
                      regions: [us-east-1, ap-east-1]
                    - id: "444455556666"
                      name: role-account
                      role-arn: arn:aws:iam::444455556666:role/audit
                      external-id: ext-id-doctor
                      regions: [eu-west-1]
                """);
        return config;
    }

    @Test
    void probesEveryActionAndNamesTheMissingOneWithTheChecksItDisablesAndThePolicy() throws Exception {
        try (AwsWire aws = AwsWire.withJournal()) {
            aws.stub(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404)));
            WireEstate estate = new WireEstate(aws);
            estate.callerIdentity(BASE_ACCOUNT);
            estate.assumeRole("arn:aws:iam::444455556666:role/audit", ROLE_ACCOUNT, ROLE_KEY, "2099-01-01T00:00:00Z");
            estate.account(AwsWire.BASE_KEY, BASE_ACCOUNT, List.of("us-east-1"), LocalDate.now());
            estate.account(ROLE_KEY, ROLE_ACCOUNT, List.of("eu-west-1"), LocalDate.now());
            for (String key : List.of(AwsWire.BASE_KEY, ROLE_KEY)) {
                // IAM answers NoSuchEntity for the probe user and anything else not in the estate: authorized
                aws.stub(signed(post(urlPathEqualTo("/")), key, "[a-z0-9-]+", "iam").atPriority(50)
                        .willReturn(AwsWire.errorFromFile(404, "iam/error-no-such-entity-doctor-probe-user.xml", AwsWire.XML)));
                aws.stub(signed(action("DescribeRegions"), key, "[a-z0-9-]+", "ec2")
                        .willReturn(AwsWire.fromFile("ec2/describe-regions-two.xml", AwsWire.XML)));
            }
            // the base identity may not list IAM users
            aws.stub(signed(action("ListUsers"), AwsWire.BASE_KEY, "[a-z0-9-]+", "iam").atPriority(1)
                    .willReturn(AwsTemplate.of("iam/error-access-denied-list-users.xml").answer(403, AwsWire.XML,
                            "account", BASE_ACCOUNT)));
            // the base account is not the paying one: it may not list its invoices (report data only)
            aws.stub(signed(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("Invoicing.ListInvoiceSummaries")),
                    AwsWire.BASE_KEY, "us-east-1", "invoicing").atPriority(1)
                    .willReturn(AwsTemplate.of("invoicing/access-denied-user.json").answer(400, AwsWire.JSON_10,
                            "account", BASE_ACCOUNT)));
            Path config = config();

            Cli.Result all = Cli.run(work, "doctor", "--config", config.toString());

            assertThat(all.code()).as(all.out() + all.err()).isEqualTo(3);
            assertThat(all.out()).contains("base identity: arn:aws:iam::111122223333:user/auditor (account 111122223333)  OK")
                    .contains("AssumeRole arn:aws:iam::444455556666:role/audit: OK")
                    .contains("region ap-east-1: configured but not enabled")
                    .containsPattern("iam:ListUsers +DENIED +iam\\.user_admin_attached")
                    .containsPattern("ec2:DescribeVolumes +OK +")
                    .containsPattern("iam:GetAccountPasswordPolicy +OK")
                    .containsPattern("s3:GetBucketAcl +NOT_PROBED")
                    .containsPattern("budgets:ViewBudget +OK +billing\\.budget_exceeded, billing\\.budget_forecast_exceeded")
                    .containsPattern("invoicing:ListInvoiceSummaries +INFO +\\(Billing sheet: invoices\\)")
                    .contains("consolesensei.cost.payer-account")
                    .contains("checks that cannot run (missing IAM action):")
                    .contains("  iam.user_admin_attached: iam:ListUsers")
                    .contains("doctor: problems found");
            String policy = all.out().substring(all.out().indexOf("policy granting the missing actions"));
            JsonNode doc = new ObjectMapper().readTree(policy.substring(policy.indexOf('{'), policy.indexOf("\n}") + 2));
            assertThat(doc.at("/Statement/0/Action").toString()).isEqualTo("[\"iam:ListUsers\"]");
            // the role account alone has everything it needs
            Cli.Result role = Cli.run(work, "doctor", "--config", config.toString(), "--account", ROLE_ACCOUNT);
            assertThat(role.code()).as(role.out() + role.err()).isZero();
            assertThat(role.out()).contains("account 444455556666").doesNotContain("account 111122223333 (")
                    .contains("doctor: everything the enabled checks need is allowed")
                    .doesNotContain("ext-id-doctor");
        }
    }

    @Test
    void demoModeReportsEverythingAllowed() {
        Cli.Result r = Cli.run(work, "doctor", "--demo");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("DEMO mode").contains("account 111111111111").contains("account 222222222222")
                .doesNotContain("DENIED").doesNotContain("ERROR")
                .contains("doctor: everything the enabled checks need is allowed");
    }

    @Test
    void policyIsTheLeastPrivilegeDocumentOfEveryActionTheEnabledChecksNeed() throws Exception {
        Cli.Result r = Cli.run(work, "doctor", "--policy");
        assertThat(r.code()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("Version").asText()).isEqualTo("2012-10-17");
        JsonNode st = doc.at("/Statement/0");
        assertThat(st.get("Effect").asText()).isEqualTo("Allow");
        assertThat(st.get("Resource").asText()).isEqualTo("*");
        List<String> actions = new ArrayList<>();
        st.get("Action").forEach(a -> actions.add(a.asText()));
        assertThat(actions).isSorted().doesNotHaveDuplicates()
                .contains("ec2:DescribeVolumes", "ec2:DescribeRegions", "iam:GenerateCredentialReport", "s3:ListAllMyBuckets",
                        "ce:GetCostForecast", "autoscaling:DescribeAutoScalingGroups")
                .allSatisfy(a -> assertThat(a).matches("[a-z0-9]+:[A-Za-z]+").doesNotStartWith("iam:Put").doesNotContain("Delete"));
        // every action has a probe, so doctor can check each one
        assertThat(actions).allSatisfy(a -> assertThat(Probes.of(a)).as(a).isPresent());
    }

    @Test
    void badUsageExitsTwo() throws Exception {
        assertThat(Cli.run(work, "doctor", "--account", "12").code()).isEqualTo(2);
        Cli.Result r = Cli.run(work, "doctor", "--config", config().toString(), "--account", "999999999999");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--account '999999999999' is not a configured account");
    }
}
