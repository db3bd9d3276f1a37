package cloud.consolesensei.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretMaskerTest {

    @ParameterizedTest
    @ValueSource(strings = {"X-Amz-Security-Token", "AWSAccessKeyId", "aws_secret_access_key", "SecretAccessKey",
            "SessionToken", "ExternalId", "x-amz-security-token"})
    void masksEachSecretInEachNotation(String name) {
        assertThat(SecretMasker.mask("headers: " + name + ": AQoDYXdzEJr/secret+value== next"))
                .isEqualTo("headers: " + name + ": **** next");
        assertThat(SecretMasker.mask("Action=AssumeRole&" + name + "=s3cr3t%2Fx&Version=2011-06-15"))
                .isEqualTo("Action=AssumeRole&" + name + "=****&Version=2011-06-15");
        assertThat(SecretMasker.mask("{\"" + name + "\":\"s3cr3t\",\"Other\":\"kept\"}"))
                .isEqualTo("{\"" + name + "\":\"****\",\"Other\":\"kept\"}");
        assertThat(SecretMasker.mask("<Credentials><" + name + ">wJalrXUtnFEMI/K7MDENG</" + name + "><Expiration>2026</Expiration>"))
                .isEqualTo("<Credentials><" + name + ">****</" + name + "><Expiration>2026</Expiration>");
    }

    @Test
    void masksTheWholeAuthorizationHeader() {
        String wire = "http-outgoing-0 >> \"Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260115/us-east-1/sts/aws4_request,"
                + " SignedHeaders=host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7[\\r][\\n]\"";
        assertThat(SecretMasker.mask(wire)).isEqualTo("http-outgoing-0 >> \"Authorization: ****[\\r][\\n]\"");
        assertThat(SecretMasker.mask("headers={Authorization=[AWS4-HMAC-SHA256 Credential=AKID/x, Signature=abc], Host=[sts]}"))
                .doesNotContain("Signature=abc").contains("Host=[sts]");
    }

    @Test
    void leavesOtherTextAlone() {
        String line = "partition account=111111111111 region=eu-west-1 read=120 findings=120 calls=3";
        assertThat(SecretMasker.mask(line)).isEqualTo(line);
        assertThat(SecretMasker.mask(null)).isNull();
        assertThat(SecretMasker.mask("ExternalIdPolicy is a name, not a value")).isEqualTo("ExternalIdPolicy is a name, not a value");
    }
}
