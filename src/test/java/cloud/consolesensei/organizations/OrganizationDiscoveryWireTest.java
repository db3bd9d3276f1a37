package cloud.consolesensei.organizations;

import static cloud.consolesensei.organizations.OrgWire.callerIdentity;
import static cloud.consolesensei.organizations.OrgWire.json;
import static cloud.consolesensei.organizations.OrgWire.organizations;
import static cloud.consolesensei.testkit.AwsWire.action;
import static cloud.consolesensei.testkit.AwsWire.xml;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsSettings;
import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.aws.SdkAwsClients;
import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.WireTest;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * {@link OrganizationDiscovery#discover} over the wire with the real SDK: failures end discovery
 * with the failed operation named, and the run then audits the caller's own account.
 */
@WireTest
class OrganizationDiscoveryWireTest {

    private static final ConsoleSenseiProperties.Organizations CONFIG = new ConsoleSenseiProperties.Organizations(
            true, "ConsoleSenseiAudit", null, List.of("us-east-1"), List.of(), List.of());

    private AwsWire aws;
    private SdkAwsClients clients;

    @BeforeEach
    void start() {
        aws = new AwsWire();
        clients = new SdkAwsClients(new AwsSettings("standard", 1, 2, 2, java.time.Duration.ofSeconds(2),
                java.time.Duration.ofSeconds(5), java.time.Duration.ofHours(1), "us-east-1"),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(AwsWire.BASE_KEY, AwsWire.BASE_SECRET)));
    }

    @AfterEach
    void stop() {
        clients.close();
        aws.close();
    }

    @Test
    void notTheManagementAccountIsAFailureAtListAccountsAndTheCallerIsAudited() {
        aws.stub(callerIdentity("123456789012"));
        aws.stub(organizations("ListAccounts").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"AccessDeniedException\",\"Message\":\"You don't have permissions to access this resource.\"}")));

        Discovery d = OrganizationDiscovery.discover(clients, CONFIG, "us-east-1");

        assertThat(d.callerAccount()).isEqualTo("123456789012");
        assertThat(d.failure().operation()).isEqualTo("ListAccounts");
        assertThat(d.failure().service()).isEqualTo("organizations");
        assertThat(d.failure().errorClass()).isEqualTo(ErrorClass.ACCESS_DENIED);
        assertThat(d.failure().message()).contains("AccessDeniedException", "You don't have permissions");
        assertThat(d.discovered()).isEmpty();
        List<AccountTarget> targets = OrganizationAccounts.merge(d, CONFIG, List.of());
        assertThat(targets).extracting(AccountTarget::id, AccountTarget::roleArn, AccountTarget::regions)
                .containsExactly(tuple("123456789012", null, List.of("us-east-1")));
    }

    @Test
    void baseCredentialsRejectedIsAFailureAtGetCallerIdentity() {
        aws.stub(action("GetCallerIdentity").willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/xml")
                .withBody("""
                        <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                          <Error><Type>Sender</Type><Code>InvalidClientTokenId</Code>
                            <Message>The security token included in the request is invalid.</Message></Error>
                          <RequestId>4d2e4ae4-6e7a-4d8b-9b2a-2a1d1EXAMPLE</RequestId>
                        </ErrorResponse>""")));

        Discovery d = OrganizationDiscovery.discover(clients, CONFIG, "us-east-1");

        assertThat(d.callerAccount()).isNull();
        assertThat(d.failure().operation()).isEqualTo("GetCallerIdentity");
        assertThat(d.failure().service()).isEqualTo("sts");
        assertThat(d.failure().errorClass()).isEqualTo(ErrorClass.INVALID_CREDENTIALS);
        assertThat(d.failure().cause()).isNotNull();
    }

    @Test
    void rolesUseThePartitionOfTheCallerArn() {
        aws.stub(action("GetCallerIdentity").willReturn(xml("""
                <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <GetCallerIdentityResult>
                    <Arn>arn:aws-cn:iam::123456789012:user/auditor</Arn>
                    <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
                    <Account>123456789012</Account>
                  </GetCallerIdentityResult>
                  <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
                </GetCallerIdentityResponse>""")));
        aws.stub(organizations("ListAccounts").willReturn(json("""
                {"Accounts":[{"Id":"210987654321","Arn":"arn:aws-cn:organizations::123456789012:account/o-exampleorgid/210987654321",\
                "Email":"member@example.com","Name":"member","Status":"ACTIVE","State":"ACTIVE","JoinedMethod":"INVITED",\
                "JoinedTimestamp":1.481830215E9}]}""")));

        Discovery d = OrganizationDiscovery.discover(clients, CONFIG, "us-east-1");

        assertThat(d.failure()).isNull();
        assertThat(d.partition()).isEqualTo("aws-cn");
        assertThat(OrganizationAccounts.merge(d, CONFIG, List.of())).extracting(AccountTarget::roleArn)
                .containsExactly("arn:aws-cn:iam::210987654321:role/ConsoleSenseiAudit");
    }

    @Test
    void stateDecidesStatusOnlyWhenStateIsAbsentAndOnlyActiveAccountsAreAudited() {
        aws.stub(callerIdentity("123456789012"));
        aws.stub(organizations("ListAccounts").willReturn(
                AwsWire.fromFile("organizations/list-accounts-lifecycle.json", "application/x-amz-json-1.1")));

        Discovery d = OrganizationDiscovery.discover(clients, CONFIG, "us-east-1");

        assertThat(d.failure()).isNull();
        assertThat(d.included()).extracting(OrgAccount::id, OrgAccount::state).containsExactly(
                tuple("111100000001", "ACTIVE"),
                tuple("111100000002", "ACTIVE"),
                tuple("111100000006", "ACTIVE"));
        // listed for the Organization sheet with their reason; not failures, so not coverage gaps
        assertThat(d.excluded()).extracting(OrgAccount::id, OrgAccount::reason).containsExactly(
                tuple("111100000003", "not ACTIVE (PENDING_ACTIVATION)"),
                tuple("111100000004", "not ACTIVE (SUSPENDED)"),
                tuple("111100000005", "not ACTIVE (CLOSED)"),
                tuple("111100000007", "not ACTIVE (PENDING_CLOSURE)"));
    }
}
