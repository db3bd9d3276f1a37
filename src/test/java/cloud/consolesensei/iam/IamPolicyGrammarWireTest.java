package cloud.consolesensei.iam;

import static cloud.consolesensei.iam.IamTestSupport.OTHER_ACCOUNT;
import static cloud.consolesensei.iam.IamTestSupport.audit;
import static cloud.consolesensei.iam.IamXml.action;
import static cloud.consolesensei.iam.IamXml.members;
import static cloud.consolesensei.iam.IamXml.ok;
import static cloud.consolesensei.iam.IamXml.page;
import static cloud.consolesensei.iam.IamXml.param;
import static cloud.consolesensei.testkit.AwsWire.fromFile;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cloud.consolesensei.aws.AwsSettings;
import cloud.consolesensei.aws.SdkAwsClients;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.Gaps;
import cloud.consolesensei.testkit.WireTest;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * IAM policy documents in the shapes the IAM API returns them (URL-encoded JSON inside the Query
 * API's XML; files under {@code src/test/resources/aws/iam/}) and the grammar the IAM User Guide
 * allows, through the real SDK: trust policies guarded by {@code sts:ExternalId} under any string
 * operator and key case, a single-object Statement, action names in any case, principals as a
 * list, {@code /aws-reserved/} roles judged like any role; user policies whose NotAction is not
 * Action *.
 */
@WireTest
class IamPolicyGrammarWireTest {

    private static final String XML = "text/xml";

    private AwsWire aws;
    private SdkAwsClients clients;
    private final Gaps gaps = new Gaps();
    private IamModule module;

    @BeforeEach
    void start() {
        aws = new AwsWire();
        clients = new SdkAwsClients(AwsSettings.defaults());
        module = new IamModule(d -> { }, Clock.fixed(IamWireTest.NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        clients.close();
        aws.close();
    }

    private List<Finding> run(Class<?> sourceType) {
        return module.sources().stream().filter(sourceType::isInstance)
                .flatMap(s -> audit(s, IamTestSupport.readContext(clients, gaps)).stream()).toList();
    }

    @Test
    void trustPoliciesAreReadInEveryGrammarAndOperatorForm() {
        aws.stub(post(urlEqualTo("/")).withRequestBody(action("ListRoles"))
                .willReturn(fromFile("iam/list-roles-trust-grammar.xml", XML)));
        aws.stub(post(urlEqualTo("/")).withRequestBody(action("GetAccountAuthorizationDetails"))
                .willReturn(fromFile("iam/get-account-authorization-details-roles.xml", XML)));

        List<Finding> findings = run(RoleSource.class);

        assertThat(gaps.recorded()).isEmpty();
        // StringLike, StringEqualsIgnoreCase, ForAnyValue:StringEquals and StringEqualsIfExists (key in
        // capitals) all guard with an external id; the SSO role trusts SAML only and is unused
        assertThat(findings).extracting(Finding::checkId, Finding::resourceId).containsExactlyInAnyOrder(
                tuple("iam.role_cross_account_no_external_id", "partner-no-external-id"),
                tuple("iam.role_cross_account_no_external_id", "partner-mfa-only"),
                tuple("iam.role_cross_account_no_external_id", "AWSReservedSSO_Partner_fedcba9876543210"),
                tuple("iam.role_unused", "AWSReservedSSO_ReadOnly_0123456789abcdef"));
        // decoded once: the literal plus of the role name survives, the own account is not listed
        assertThat(findings).filteredOn(f -> f.resourceId().equals("partner-no-external-id")).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("arn:aws:iam::" + OTHER_ACCOUNT + ":role/deploy+ci")
                        .doesNotContain(IamTestSupport.ACCOUNT + ":root"));
    }

    @Test
    void notActionIsNotAdministratorAccessAndASingleStatementObjectIs() {
        aws.stub(post(urlEqualTo("/")).withRequestBody(action("ListUsers")).willReturn(ok("ListUsers",
                members("Users", IamXml.user("root-like", IamWireTest.NOW), IamXml.user("power", IamWireTest.NOW))
                        + page(null))));
        for (String user : List.of("root-like", "power")) {
            aws.stub(post(urlEqualTo("/")).withRequestBody(action("ListAttachedUserPolicies"))
                    .withRequestBody(containing(param("UserName", user)))
                    .willReturn(ok("ListAttachedUserPolicies", members("AttachedPolicies") + page(null))));
        }
        aws.stub(post(urlEqualTo("/")).withRequestBody(action("ListUserPolicies"))
                .withRequestBody(containing(param("UserName", "root-like")))
                .willReturn(ok("ListUserPolicies", members("PolicyNames", "everything") + page(null))));
        aws.stub(post(urlEqualTo("/")).withRequestBody(action("ListUserPolicies"))
                .withRequestBody(containing(param("UserName", "power")))
                .willReturn(ok("ListUserPolicies", members("PolicyNames", "power-user") + page(null))));
        aws.stub(post(urlEqualTo("/")).withRequestBody(action("GetUserPolicy"))
                .withRequestBody(containing(param("UserName", "root-like")))
                .willReturn(fromFile("iam/get-user-policy-admin-single-statement.xml", XML)));
        aws.stub(post(urlEqualTo("/")).withRequestBody(action("GetUserPolicy"))
                .withRequestBody(containing(param("UserName", "power")))
                .willReturn(fromFile("iam/get-user-policy-notaction.xml", XML)));

        List<Finding> findings = run(UserPoliciesSource.class);

        assertThat(gaps.recorded()).isEmpty();
        assertThat(findings).extracting(Finding::checkId, Finding::resourceId)
                .containsExactly(tuple("iam.user_admin_attached", "root-like"));
    }
}
