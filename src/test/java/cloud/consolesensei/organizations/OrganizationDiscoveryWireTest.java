package cloud.consolesensei.organizations;

import static cloud.consolesensei.organizations.OrgWire.callerIdentity;
import static cloud.consolesensei.organizations.OrgWire.organizations;
import static cloud.consolesensei.testkit.AwsWire.action;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsSettings;
import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.aws.SdkAwsClients;
import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.testkit.AwsTemplate;
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
        aws.stub(organizations("ListAccounts")
                .willReturn(AwsWire.errorFromFile(400, "organizations/access-denied.json", AwsWire.JSON_11)));

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
        aws.stub(action("GetCallerIdentity")
                .willReturn(AwsWire.errorFromFile(403, "sts/error-invalid-client-token-id.xml", AwsWire.XML)));

        Discovery d = OrganizationDiscovery.discover(clients, CONFIG, "us-east-1");

        assertThat(d.callerAccount()).isNull();
        assertThat(d.failure().operation()).isEqualTo("GetCallerIdentity");
        assertThat(d.failure().service()).isEqualTo("sts");
        assertThat(d.failure().errorClass()).isEqualTo(ErrorClass.INVALID_CREDENTIALS);
        assertThat(d.failure().cause()).isNotNull();
    }

    @Test
    void rolesUseThePartitionOfTheCallerArn() {
        aws.stub(action("GetCallerIdentity").willReturn(AwsTemplate.of("sts/get-caller-identity.xml").answer(AwsWire.XML,
                "arn", "arn:aws-cn:iam::123456789012:user/auditor", "userId", "AIDACKCEVSQ6C2EXAMPLE",
                "account", "123456789012")));
        aws.stub(organizations("ListAccounts").willReturn(AwsWire.fromFile("organizations/list-accounts-aws-cn.json",
                AwsWire.JSON_11)));

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
