package cloud.consolesensei.iam;

import static cloud.consolesensei.iam.IamTestSupport.audit;
import static cloud.consolesensei.iam.IamXml.action;
import static cloud.consolesensei.iam.IamXml.members;
import static cloud.consolesensei.iam.IamXml.ok;
import static cloud.consolesensei.iam.IamXml.page;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.aws.AwsSettings;
import cloud.consolesensei.aws.SdkAwsClients;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.Gaps;
import cloud.consolesensei.testkit.WireTest;

import com.github.tomakehurst.wiremock.WireMockServer;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


/**
 * Counts the HTTP requests {@link RoleSource} makes for an account with 500 roles, the figure the
 * package documentation quotes: one ListRoles page (MaxItems 1000) and one
 * GetAccountAuthorizationDetails page (Filter=Role, MaxItems 1000), where GetRole per role would
 * make 500 more.
 */
@WireTest
class RoleCallCountWireTest {

    private static final int ROLES = 500;
    private AwsWire aws;
    private WireMockServer wire;
    private SdkAwsClients clients;

    @BeforeEach
    void start() {
        aws = AwsWire.withJournal();
        wire = aws.server();
        clients = aws.clients(AwsSettings.defaults());
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void fiveHundredRolesCostTwoRequests() {
        Instant created = IamWireTest.NOW.minusSeconds(86400L * 30);
        String trust = IamWireTest.EC2_TRUST;
        String[] roles = IntStream.range(0, ROLES).mapToObj(i -> IamXml.role("role-" + i, "/", created, trust))
                .toArray(String[]::new);
        String[] details = IntStream.range(0, ROLES).mapToObj(i -> IamXml.roleDetail("role-" + i, "/", created, trust,
                IamWireTest.NOW.minusSeconds(86400), "us-east-1")).toArray(String[]::new);
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("ListRoles"))
                .withRequestBody(containing("MaxItems=1000"))
                .willReturn(ok("ListRoles", members("Roles", roles) + page(null))));
        wire.stubFor(post(urlEqualTo("/")).withRequestBody(action("GetAccountAuthorizationDetails"))
                .withRequestBody(containing("MaxItems=1000"))
                .willReturn(ok("GetAccountAuthorizationDetails", page(null) + members("RoleDetailList", details))));
        Gaps gaps = new Gaps();

        List<Finding> findings = audit(new RoleSource(), IamTestSupport.readContext(clients, gaps));

        assertThat(findings).isEmpty();
        assertThat(gaps.recorded()).isEmpty();
        assertThat(wire.getAllServeEvents()).hasSize(2);
        wire.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(action("ListRoles")));
        wire.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(action("GetAccountAuthorizationDetails")));
        wire.verify(0, postRequestedFor(urlEqualTo("/")).withRequestBody(action("GetRole")));
    }
}
