package cloud.consolesensei.organizations;

import static cloud.consolesensei.organizations.OrgWire.assumeRole;
import static cloud.consolesensei.organizations.OrgWire.session;
import static cloud.consolesensei.testkit.AwsWire.action;
import static cloud.consolesensei.testkit.AwsWire.signed;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsSettings;
import cloud.consolesensei.aws.SdkAwsClients;
import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.WireTest;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * {@code consolesensei.aws.sts-home-region}: the role session of a global service (IAM here) comes
 * from that region's STS endpoint, while a regional client keeps its own region's session.
 */
@WireTest
class StsHomeRegionWireTest {

    private static final String ROLE = "arn:aws:iam::444455556666:role/audit";
    private static final AccountTarget ACCOUNT = new AccountTarget("444455556666", "role-account", ROLE, null,
            List.of("af-south-1"), List.of(), null, List.of());

    private AwsWire aws;
    private SdkAwsClients clients;

    @BeforeEach
    void start() {
        aws = new AwsWire();
        aws.stub(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404)));
        aws.stub(signed(assumeRole(ROLE), AwsWire.BASE_KEY, "eu-west-1", "sts").willReturn(session(ROLE, "ASIAEUWEST1EXAMPLE01")));
        aws.stub(signed(assumeRole(ROLE), AwsWire.BASE_KEY, "af-south-1", "sts").willReturn(session(ROLE, "ASIAAFSOUTH1EXAMPLE1")));
        aws.stub(signed(action("GetAccountSummary"), "ASIAEUWEST1EXAMPLE01", "aws-global", "iam")
                .willReturn(AwsWire.fromFile("iam/get-account-summary-users.xml", AwsWire.XML)));
        aws.stub(signed(action("GetEbsEncryptionByDefault"), "ASIAAFSOUTH1EXAMPLE1", "af-south-1", "ec2").willReturn(
                OrgWire.ebsEncryptionByDefault(true)));
        clients = new SdkAwsClients(new AwsSettings("standard", 1, 2, 2, Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofHours(1), "eu-west-1"),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(AwsWire.BASE_KEY, AwsWire.BASE_SECRET)));
    }

    @AfterEach
    void stop() {
        clients.close();
        aws.close();
    }

    @Test
    void globalServicesUseTheHomeRegionSessionAndRegionalOnesTheirOwn() {
        // (With an endpoint override the SDK signs IAM for its aws-global region.)
        // Each stub answers only the session of the expected STS endpoint: a wrong one would be a 404.
        assertThat(clients.iam(ACCOUNT).getAccountSummary().summaryMapAsStrings()).containsEntry("Users", 3);
        assertThat(clients.ec2(ACCOUNT, "af-south-1").getEbsEncryptionByDefault(b -> { }).ebsEncryptionByDefault()).isTrue();
    }
}
