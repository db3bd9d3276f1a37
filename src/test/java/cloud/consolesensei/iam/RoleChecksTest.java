package cloud.consolesensei.iam;

import static cloud.consolesensei.iam.IamTestSupport.ACCOUNT;
import static cloud.consolesensei.testkit.Fixtures.AS_OF;
import static cloud.consolesensei.iam.IamTestSupport.OTHER_ACCOUNT;
import static cloud.consolesensei.iam.IamTestSupport.checkContext;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleLastUsed;

import tools.jackson.databind.JsonNode;

class RoleChecksTest {

    private final RoleUnusedCheck unused = new RoleUnusedCheck();
    private final RoleCrossAccountNoExternalIdCheck crossAccount = new RoleCrossAccountNoExternalIdCheck();

    private static Instant daysAgo(long d) {
        return AS_OF.minusDays(d).atTime(8, 0).toInstant(ZoneOffset.UTC);
    }

    private static IamRole role(String name, String path, Instant created, RoleLastUsed lastUsed) {
        return new IamRole(Role.builder().roleName(name).path(path).createDate(created)
                .arn("arn:aws:iam::" + ACCOUNT + ":role" + path + name).build(), null, lastUsed);
    }

    private static IamRole trusting(String trustJson) {
        JsonNode doc = PolicyDocuments.parse(PolicyChecksTest.encoded(trustJson));
        return new IamRole(Role.builder().roleName("partner").path("/").createDate(daysAgo(10)).build(), doc,
                RoleLastUsed.builder().build());
    }

    @Test
    void roleLastUsedExactly90DaysAgoFiresAnd89DoesNot() {
        RoleLastUsed used90 = RoleLastUsed.builder().lastUsedDate(daysAgo(90)).region("eu-west-1").build();
        assertThat(unused.evaluate(role("etl", "/", daysAgo(900), used90), checkContext())).singleElement()
                .satisfies(x -> {
                    assertThat(x.checkId()).isEqualTo("iam.role_unused");
                    assertThat(x.resourceId()).isEqualTo("etl");
                    assertThat(x.resourceType()).isEqualTo("IAM role");
                    assertThat(x.severity()).isEqualTo(Severity.LOW);
                    assertThat(x.detail()).contains("in eu-west-1").contains("90 days unused (limit 90)");
                });
        RoleLastUsed used89 = RoleLastUsed.builder().lastUsedDate(daysAgo(89)).build();
        assertThat(unused.evaluate(role("etl", "/", daysAgo(900), used89), checkContext())).isEmpty();
    }

    @Test
    void neverUsedRoleCountsFromCreation() {
        RoleLastUsed never = RoleLastUsed.builder().build();
        assertThat(unused.evaluate(role("new", "/", daysAgo(90), never), checkContext())).singleElement()
                .extracting(Finding::detail).asString().contains("never been used since its creation");
        assertThat(unused.evaluate(role("new", "/", daysAgo(89), never), checkContext())).isEmpty();
    }

    @Test
    void serviceLinkedAndUnknownRolesAreNotJudged() {
        RoleLastUsed never = RoleLastUsed.builder().build();
        assertThat(unused.evaluate(role("AWSServiceRoleForSupport", "/aws-service-role/support.amazonaws.com/",
                daysAgo(900), never), checkContext())).isEmpty();
        assertThat(unused.evaluate(role("unknown", "/", daysAgo(900), null), checkContext())).isEmpty();
    }

    @Test
    void otherAccountPrincipalsWithoutExternalIdFire() {
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":["
                + "\"" + OTHER_ACCOUNT + "\",\"arn:aws:iam::111122223333:root\",\"arn:aws:iam::444455556666:role/ci\","
                + "\"arn:aws:iam::" + ACCOUNT + ":role/own\"]},\"Action\":\"sts:AssumeRole\"}]}";
        assertThat(crossAccount.evaluate(trusting(trust), checkContext())).singleElement().satisfies(x -> {
            assertThat(x.checkId()).isEqualTo("iam.role_cross_account_no_external_id");
            assertThat(x.resourceId()).isEqualTo("partner");
            assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(x.detail()).contains("by " + OTHER_ACCOUNT + ", arn:aws:iam::111122223333:root, "
                    + "arn:aws:iam::444455556666:role/ci with no sts:ExternalId").doesNotContain(":role/own");
        });
    }

    @Test
    void everyoneCountsAsAnotherAccount() {
        assertThat(crossAccount.evaluate(trusting("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"sts:AssumeRole\"}}"), checkContext())).hasSize(1);
        assertThat(crossAccount.evaluate(trusting("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
                + "\"Action\":[\"sts:*\"]}}"), checkContext())).hasSize(1);
    }

    private static final String EXTERNAL_ID_TEMPLATE = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
            + "\"arn:aws:iam::" + OTHER_ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\","
            + "\"Condition\":{\"%s\":{\"%s\":\"x-123\"}}}]}";

    @ParameterizedTest
    @CsvSource({
            "StringEquals, sts:ExternalId",
            "StringLike, STS:externalid",
            "StringEqualsIgnoreCase, sts:ExternalId",
            "StringNotEquals, sts:ExternalId",
            "StringEqualsIfExists, sts:ExternalId",
            "StringLikeIfExists, Sts:ExternalID",
            "ForAnyValue:StringEquals, sts:ExternalId",
            "ForAllValues:StringLike, sts:externalId",
            "ForAnyValue:StringEqualsIgnoreCaseIfExists, sts:ExternalId",
            "stringequals, sts:ExternalId"
    })
    void externalIdUnderAnyStringOperatorWithAnyCaseSilencesIt(String operator, String key) {
        assertThat(crossAccount.evaluate(trusting(EXTERNAL_ID_TEMPLATE.formatted(operator, key)), checkContext()))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "StringEquals, aws:PrincipalOrgID",
            "Null, sts:ExternalId",
            "ArnEquals, sts:ExternalId",
            "Bool, sts:ExternalId"
    })
    void otherKeysOrNonStringOperatorsDoNot(String operator, String key) {
        assertThat(crossAccount.evaluate(trusting(EXTERNAL_ID_TEMPLATE.formatted(operator, key)), checkContext()))
                .hasSize(1);
    }

    @Test
    void grammarVariantsOfTheTrustPolicyAreRead() {
        // single-object Statement, Action list in other case, principals as a list, own account among them
        String doc = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "[\"arn:aws:iam::" + ACCOUNT + ":root\",\"" + OTHER_ACCOUNT + "\"]},"
                + "\"Action\":[\"STS:AssumeRole\",\"sts:TagSession\"]}}";
        assertThat(crossAccount.evaluate(trusting(doc), checkContext())).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains(OTHER_ACCOUNT).doesNotContain(ACCOUNT + ":root"));
        // the action as a wildcard in another case
        String wild = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + OTHER_ACCOUNT + "\"},"
                + "\"Action\":\"STS:Assume*\"}]}";
        assertThat(crossAccount.evaluate(trusting(wild), checkContext())).hasSize(1);
    }

    @Test
    void awsReservedRolesAreJudgedLikeAnyRole() {
        IamRole sso = role("AWSReservedSSO_AdministratorAccess_0123456789abcdef", "/aws-reserved/sso.amazonaws.com/",
                daysAgo(400), RoleLastUsed.builder().build());
        assertThat(unused.evaluate(sso, checkContext())).hasSize(1);
    }

    @Test
    void sameAccountServiceFederatedAndDenyDoNotFire() {
        assertThat(crossAccount.evaluate(trusting("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                + ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}]}"), checkContext())).isEmpty();
        assertThat(crossAccount.evaluate(trusting("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"), checkContext())).isEmpty();
        assertThat(crossAccount.evaluate(trusting("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
                + "\"arn:aws:iam::" + ACCOUNT + ":oidc-provider/token.actions.githubusercontent.com\"},"
                + "\"Action\":\"sts:AssumeRoleWithWebIdentity\"}]}"), checkContext())).isEmpty();
        assertThat(crossAccount.evaluate(trusting("{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\""
                + OTHER_ACCOUNT + "\"},\"Action\":\"sts:AssumeRole\"}]}"), checkContext())).isEmpty();
    }

    @Test
    void unparseableTrustPolicyIsNotJudged() {
        IamRole r = new IamRole(Role.builder().roleName("broken").path("/").build(), null, null);
        assertThat(crossAccount.evaluate(r, checkContext())).isEmpty();
    }

    @Test
    void principalsAreListedForTheSheet() {
        JsonNode doc = PolicyDocuments.parse("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "[\"ec2.amazonaws.com\",\"lambda.amazonaws.com\"],\"AWS\":\"" + OTHER_ACCOUNT + "\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}");
        assertThat(TrustPolicy.principals(doc)).containsExactly("Service:ec2.amazonaws.com",
                "Service:lambda.amazonaws.com", "AWS:" + OTHER_ACCOUNT);
    }
}
