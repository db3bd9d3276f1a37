package cloud.consolesensei.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecureTransportPolicyTest {

    private static String policy(String statement) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":" + statement + "}";
    }

    private static String deny(String principal, String action, String condition) {
        return "{\"Effect\":\"Deny\",\"Principal\":" + principal + ",\"Action\":" + action
                + ",\"Resource\":[\"arn:aws:s3:::b\",\"arn:aws:s3:::b/*\"],\"Condition\":" + condition + "}";
    }

    private static final String BOOL_FALSE = "{\"Bool\":{\"aws:SecureTransport\":\"false\"}}";

    @ParameterizedTest
    @ValueSource(strings = {
            // statement as an array, the AWS example
            "[" + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}" + "]",
            // statement as a single object
            "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}",
            // BoolIfExists, principal {"AWS":"*"}, boolean false
            "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"BoolIfExists\":{\"aws:SecureTransport\":false}}}",
            // key in other case, value in a list, principal list, action list, Action "*"
            "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":[\"*\"]},\"Action\":[\"s3:GetObject\",\"*\"],\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"AWS:SecureTransport\":[\"false\"]}}}",
            // value FALSE, operator in lower case, after an unrelated Allow
            "[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"},"
                    + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"S3:*\",\"Resource\":\"*\",\"Condition\":{\"bool\":{\"aws:securetransport\":\"FALSE\"}}}]"
    })
    void recognisesTheDenyInItsCommonSpellings(String statement) {
        assertThat(SecureTransportPolicy.deniesInsecureTransport(policy(statement), "b")).isEqualTo(Tri.TRUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // Allow instead of Deny
            "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}",
            // value true: denies the secure requests
            "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}",
            // one principal only
            "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}",
            // a few actions only
            "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}",
            // another key
            "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"false\"}}}",
            // TLS version condition is not the HTTP deny
            "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"NumericLessThan\":{\"s3:TlsVersion\":\"1.2\"}}}",
            // no condition at all
            "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}",
            "[]"
    })
    void otherStatementsDoNotCount(String statement) {
        assertThat(SecureTransportPolicy.deniesInsecureTransport(policy(statement), "b")).isEqualTo(Tri.FALSE);
    }

    private static String denyOn(String resource) {
        return "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":" + resource
                + ",\"Condition\":" + BOOL_FALSE + "}";
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"arn:aws:s3:::b/*\"",
            "[\"arn:aws:s3:::b\",\"arn:aws:s3:::b/*\"]",
            "[\"arn:aws:s3:::b/*\",\"arn:aws:s3:::b\"]",
            "\"arn:aws:s3:::b*\"",
            "\"arn:aws:s3:::*\"",
            "\"arn:aws:s3:::*/*\"",
            "\"arn:aws:s3:::?/*\"",
            "\"arn:*:s3:::b/*\"",
            "\"*\"",
            "\"arn:aws:s3:::b/?*\"",
            "\"arn:aws-cn:s3:::b/*\""
    })
    void aDenyOnTheObjectsOrWiderEnforcesTls(String resource) {
        assertThat(SecureTransportPolicy.deniesInsecureTransport(policy(denyOn(resource)), "b")).isEqualTo(Tri.TRUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // the bucket ARN alone: the objects stay open over HTTP
            "\"arn:aws:s3:::b\"",
            // some objects only
            "\"arn:aws:s3:::b/private/*\"",
            "\"arn:aws:s3:::b/?\"",
            "\"arn:aws:s3:::b/*.csv\"",
            // another bucket, and a bucket whose name starts like this one's
            "\"arn:aws:s3:::other/*\"",
            "\"arn:aws:s3:::bb/*\"",
            // ARNs are matched case-sensitively
            "\"arn:aws:s3:::B/*\"",
            "[]"
    })
    void aDenyThatMissesSomeObjectsDoesNot(String resource) {
        assertThat(SecureTransportPolicy.deniesInsecureTransport(policy(denyOn(resource)), "b")).isEqualTo(Tri.FALSE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // a further key narrows the deny to some plain-HTTP requests
            "{\"Bool\":{\"aws:SecureTransport\":\"false\"},\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-1a2b3c4d\"}}",
            "{\"Bool\":{\"aws:SecureTransport\":\"false\",\"aws:ViaAWSService\":\"false\"}}",
            // not a Bool operator
            "{\"StringEquals\":{\"aws:SecureTransport\":\"false\"}}",
            "{\"Null\":{\"aws:SecureTransport\":\"false\"}}"
    })
    void otherConditionsDoNotEnforceTls(String condition) {
        assertThat(SecureTransportPolicy.deniesInsecureTransport(policy(deny("\"*\"", "\"s3:*\"", condition)), "b"))
                .isEqualTo(Tri.FALSE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}",
            "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"NotAction\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}",
            "{\"Effect\":\"Deny\",\"Principal\":{\"Service\":\"*\"},\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}",
            "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:Put*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}"
    })
    void notEveryPrincipalOrEveryActionDoesNotEnforceTls(String statement) {
        assertThat(SecureTransportPolicy.deniesInsecureTransport(policy(statement), "b")).isEqualTo(Tri.FALSE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "[1,2]", "\"text\""})
    void unparseableDocumentsAreUnknown(String doc) {
        assertThat(SecureTransportPolicy.deniesInsecureTransport(doc, "b")).isEqualTo(Tri.UNKNOWN);
    }

    @org.junit.jupiter.api.Test
    void documentWithoutStatementsDeniesNothing() {
        assertThat(SecureTransportPolicy.deniesInsecureTransport("{\"Version\":\"2012-10-17\"}", "b")).isEqualTo(Tri.FALSE);
        assertThat(SecureTransportPolicy.deniesInsecureTransport(policy(deny("\"*\"", "\"s3:*\"", BOOL_FALSE)), "b"))
                .isEqualTo(Tri.TRUE);
    }
}
