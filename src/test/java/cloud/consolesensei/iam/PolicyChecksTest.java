package cloud.consolesensei.iam;

import static cloud.consolesensei.iam.IamTestSupport.checkContext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.exception.SdkClientException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

class PolicyChecksTest {

    private final UserAdminAttachedCheck check = new UserAdminAttachedCheck();

    /** Percent-encodes as IAM does (RFC 3986: spaces are %20, never +). */
    static String encoded(String json) {
        return URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void decodesUrlEncodedDocumentsKeepingLiteralPlus() {
        String json = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"a+b c\",\"Effect\":\"Allow\","
                + "\"Action\":\"*\",\"Resource\":\"*\"}}";
        String wire = encoded(json).replace("%2B", "+"); // a client may leave a plus unescaped
        JsonNode doc = PolicyDocuments.parse(wire);
        assertThat(doc.get("Statement").get("Sid").asString()).isEqualTo("a+b c");
        assertThat(PolicyDocuments.parse(json).get("Version").asString()).isEqualTo("2012-10-17");
    }

    @Test
    void documentsAreDecodedExactlyOnce() {
        // a condition value holding a percent escape: IAM encodes it once more, we decode once
        String json = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringLike\":{\"s3:prefix\":\"a%2Fb%25\"}}}}";
        JsonNode doc = PolicyDocuments.parse(encoded(json));
        assertThat(doc.at("/Statement/Condition/StringLike/s3:prefix").asString()).isEqualTo("a%2Fb%25");
    }

    @Test
    void malformedDocumentsThrow() {
        assertThatThrownBy(() -> PolicyDocuments.parse("%7B%22Version")).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> PolicyDocuments.parse("%zz")).isInstanceOf(SdkClientException.class)
                .hasMessageContaining("not URL-encoded JSON");
    }

    @Test
    void fullAccessNeedsAllowStarActionOnStarResourceInStringOrArrayForm() {
        assertThat(full("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}")).isTrue();
        assertThat(full("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"*\"],"
                + "\"Resource\":[\"arn:aws:s3:::b/*\",\"*\"]}]}")).isTrue();
        assertThat(full("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*:*\",\"Resource\":\"*\"}]}")).isTrue();
        assertThat(full("{\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}")).isFalse();
        assertThat(full("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}")).isFalse();
        assertThat(full("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::b\"}]}"))
                .isFalse();
        assertThat(full("{\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}]}")).isFalse();
        // NotAction, even of nothing that matters, is not Action *
        assertThat(full("{\"Statement\":{\"Effect\":\"Allow\",\"NotAction\":[\"aws-portal:*\"],\"Resource\":[\"*\"]}}"))
                .isFalse();
        // Effect in another case, a single-object Statement, lists of one
        assertThat(full("{\"Statement\":{\"Effect\":\"allow\",\"Action\":[\"*\"],\"Resource\":[\"*\"]}}")).isTrue();
    }

    private static boolean full(String json) {
        return PolicyDocuments.grantsFullAccess(PolicyDocuments.parse(encoded(json)));
    }

    @Test
    void administratorAccessAttachedToAUserFires() {
        UserPolicies u = new UserPolicies("admin-alice", "arn:aws:iam::123456789012:user/admin-alice", List.of(
                new UserPolicies.Policy("AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess", null)), true);
        assertThat(check.evaluate(u, checkContext())).singleElement().satisfies(x -> {
            assertThat(x.checkId()).isEqualTo("iam.user_admin_attached");
            assertThat(x.resourceId()).isEqualTo("admin-alice");
            assertThat(x.severity()).isEqualTo(Severity.HIGH);
            assertThat(x.detail()).contains("AWS managed policy AdministratorAccess")
                    .contains("CIS AWS Foundations 1.15, 1.16");
        });
    }

    @Test
    void customerManagedAndInlineStarPoliciesFireInOneFinding() {
        JsonNode star = PolicyDocuments.parse(encoded(
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"*\"],\"Resource\":\"*\"}]}"));
        UserPolicies u = new UserPolicies("ops", "arn:aws:iam::123456789012:user/ops", List.of(
                new UserPolicies.Policy("AllTheThings", "arn:aws:iam::123456789012:policy/AllTheThings", star),
                new UserPolicies.Policy("inline-admin", null, star)), true);
        List<Finding> f = check.evaluate(u, checkContext());
        assertThat(f).singleElement().extracting(Finding::detail).asString()
                .contains("customer managed policy AllTheThings (arn:aws:iam::123456789012:policy/AllTheThings)")
                .contains("inline policy inline-admin allowing Action * on Resource *");
    }

    @Test
    void narrowPoliciesAndUnreadDocumentsDoNotFire() {
        JsonNode narrow = PolicyDocuments.parse(encoded(
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"));
        UserPolicies u = new UserPolicies("dev", "arn:aws:iam::123456789012:user/dev", List.of(
                new UserPolicies.Policy("ReadOnlyAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess", null),
                new UserPolicies.Policy("S3", "arn:aws:iam::123456789012:policy/S3", narrow),
                new UserPolicies.Policy("Unreadable", "arn:aws:iam::123456789012:policy/Unreadable", null)), false);
        assertThat(check.evaluate(u, checkContext())).isEmpty();
    }
}
