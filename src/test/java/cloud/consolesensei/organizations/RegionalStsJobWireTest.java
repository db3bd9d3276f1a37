package cloud.consolesensei.organizations;

import static cloud.consolesensei.organizations.OrgWire.assumeRole;
import static cloud.consolesensei.organizations.OrgWire.callerIdentity;
import static cloud.consolesensei.organizations.OrgWire.csv;
import static cloud.consolesensei.organizations.OrgWire.session;
import static cloud.consolesensei.testkit.AwsWire.action;
import static cloud.consolesensei.testkit.AwsWire.signed;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.JobTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regions and regional STS over the wire. DescribeRegions (AllRegions) says: us-east-1 and
 * eu-west-1 {@code opt-in-not-required}, af-south-1 {@code opted-in}, ap-east-1
 * {@code not-opted-in}.
 * <ul>
 *   <li>The role account lists af-south-1, ap-east-1 and us-east-1: ap-east-1 is skipped with an
 *       informational gap naming it; af-south-1 is audited with a session from the af-south-1 STS
 *       endpoint (the AssumeRole request is signed for af-south-1), and the af-south-1 EC2 calls
 *       carry that session's key, not the us-east-1 one.</li>
 *   <li>The base account says {@code all-enabled}: us-east-1, eu-west-1 and af-south-1 are
 *       audited, ap-east-1 is not.</li>
 * </ul>
 */
@JobTest
class RegionalStsJobWireTest {

    private static final String BASE_ACCOUNT = "111122223333";
    private static final String ROLE_ACCOUNT = "444455556666";
    private static final String ROLE = "arn:aws:iam::444455556666:role/audit";
    private static final String US_KEY = "ASIAUSEAST1EXAMPLE01";
    private static final String AF_KEY = "ASIAAFSOUTH1EXAMPLE1";

    @TempDir
    Path work;

    private AwsWire aws;

    @BeforeEach
    void estate() {
        aws = AwsWire.withJournal();
        aws.stub(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404)));
        aws.stub(callerIdentity(BASE_ACCOUNT));
        // One session per regional STS endpoint: which one answered shows in the key it hands out.
        aws.stub(signed(assumeRole(ROLE), AwsWire.BASE_KEY, "us-east-1", "sts").willReturn(session(ROLE, US_KEY)));
        aws.stub(signed(assumeRole(ROLE), AwsWire.BASE_KEY, "af-south-1", "sts").willReturn(session(ROLE, AF_KEY)));
        aws.stub(action("DescribeRegions").withRequestBody(containing("AllRegions=true"))
                .willReturn(AwsWire.fromFile("ec2/describe-regions-opt-in-states.xml", AwsWire.XML)));
        // The role account's af-south-1 EC2 answers only the af-south-1 session.
        aws.stub(signed(action("GetEbsEncryptionByDefault"), AF_KEY, "af-south-1", "ec2")
                .willReturn(OrgWire.ebsEncryptionByDefault(false)));
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void optInRegionIsAuditedWithARegionalSessionAndADisabledOneIsSkipped() throws Exception {
        Path config = work.resolve("regions.yml");
        Files.writeString(config, """
                consolesensei:
                  accounts:
                    - id: "444455556666"
                      name: role-account
                      role-arn: arn:aws:iam::444455556666:role/audit
                      regions: [af-south-1, ap-east-1, us-east-1]
                    - id: "111122223333"
                      name: base-account
                      regions: [all-enabled]
                """);
        Path reports = work.resolve("reports");

        Cli.Result r = Cli.run(work, "run", "--config", config.toString(), "--as-of", "2026-11-29",
                "--reports-dir", reports.toString(), "--no-email");

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(3); // other services answer 404: gaps
        List<CSVRecord> gaps = csv(reports.resolve("2026-11-29/coverage-all-2026-11-29.csv"));
        assertThat(gaps).filteredOn(g -> g.get("error_class").equals("REGION_NOT_ENABLED"))
                .extracting(g -> g.get("account_id") + " " + g.get("region") + " " + g.get("service") + " " + g.get("operation"))
                .containsExactly("444455556666 ap-east-1 ec2 DescribeRegions");
        assertThat(gaps).filteredOn(g -> g.get("error_class").equals("REGION_NOT_ENABLED")).first()
                .satisfies(g -> assertThat(g.get("message")).contains("ap-east-1 is not-opted-in"));
        assertThat(gaps).extracting(g -> g.get("service")).doesNotContain("sts");

        // The af-south-1 session came from the af-south-1 STS endpoint.
        aws.server().verify(1, postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=AssumeRole&"))
                .withHeader("Authorization", matching(".*/af-south-1/sts/aws4_request.*")));
        // Every af-south-1 EC2 call of the role account carried that session's key, and one succeeded.
        List<LoggedRequest> ec2 = aws.server().findAll(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("Authorization", matching(".*/af-south-1/ec2/aws4_request.*")));
        assertThat(ec2).extracting(q -> key(q)).contains(AF_KEY).doesNotContain(US_KEY);
        List<CSVRecord> findings = csv(reports.resolve("2026-11-29/findings-all-2026-11-29.csv"));
        assertThat(findings).extracting(f -> f.get("account_id") + " " + f.get("region") + " " + f.get("check_id"))
                .containsExactly("444455556666 af-south-1 ebs.default_encryption_off");

        // Nothing was asked in the region that is not enabled; all-enabled reached the three enabled ones.
        assertThat(aws.server().findAll(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("Authorization", matching(".*/ap-east-1/.*")))).isEmpty();
        for (String region : List.of("us-east-1", "eu-west-1", "af-south-1")) {
            assertThat(aws.server().findAll(postRequestedFor(urlPathEqualTo("/"))
                    .withHeader("Authorization", matching(".*Credential=" + AwsWire.BASE_KEY + "/\\d{8}/" + region + "/ec2/.*"))))
                    .as("base account EC2 calls in " + region).isNotEmpty();
        }
    }

    private static String key(LoggedRequest q) {
        Matcher m = Pattern.compile("Credential=([A-Z0-9]+)/").matcher(q.getHeader("Authorization"));
        return m.find() ? m.group(1) : "";
    }
}
