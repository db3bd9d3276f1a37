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
        assertThat(SecureTransportPolicy.deniesInsecureTransport(policy(statement))).isEqualTo(Tri.TRUE);
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
        assertThat(SecureTransportPolicy.deniesInsecureTransport(policy(statement))).isEqualTo(Tri.FALSE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "[1,2]", "\"text\""})
    void unparseableDocumentsAreUnknown(String doc) {
        assertThat(SecureTransportPolicy.deniesInsecureTransport(doc)).isEqualTo(Tri.UNKNOWN);
    }

    @org.junit.jupiter.api.Test
    void documentWithoutStatementsDeniesNothing() {
        assertThat(SecureTransportPolicy.deniesInsecureTransport("{\"Version\":\"2012-10-17\"}")).isEqualTo(Tri.FALSE);
        assertThat(SecureTransportPolicy.deniesInsecureTransport(policy(deny("\"*\"", "\"s3:*\"", BOOL_FALSE))))
                .isEqualTo(Tri.TRUE);
    }
}
