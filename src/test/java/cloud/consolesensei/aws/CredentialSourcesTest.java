package cloud.consolesensei.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cloud.consolesensei.demo.DemoMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Demo mode exactly as CONTRACT.md defines it: chosen only when no credential source is even
 * partly set and the default chain finds none; a source that is set but broken is an error naming
 * it, never the demo (before, each case below silently audited the demo estate).
 */
class CredentialSourcesTest {

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();
    private final Properties props = new Properties();

    @BeforeEach
    void emptyHome() {
        env.put("HOME", home.toString());
    }

    private CredentialSources inspect() {
        return CredentialSources.inspect(env, props);
    }

    /** The chain as it behaves with nothing usable: it throws. */
    private static Object noCredentials() {
        throw new IllegalStateException("Unable to load credentials from any of the providers in the chain");
    }

    @Test
    void nothingSetAndNoCredentialsIsTheDemo() {
        CredentialSources s = inspect();
        assertThat(s.set()).isEmpty();
        assertThat(s.broken()).isEmpty();
        assertThat(DemoMode.decide(false, false, s, CredentialSourcesTest::noCredentials)).isTrue();
        // an instance or container role found by the chain is not the demo
        assertThat(DemoMode.decide(false, false, s, () -> "role credentials")).isFalse();
    }

    @Test
    void accessKeyWithoutSecretIsAnErrorNamingIt() {
        env.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
        assertThat(inspect().broken()).hasValue("the environment variable AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY"
                + " is not: set both (and AWS_SESSION_TOKEN for temporary credentials), or neither");
        assertThatThrownBy(() -> DemoMode.decide(false, false, inspect(), CredentialSourcesTest::noCredentials))
                .isInstanceOf(CredentialSourceException.class).hasMessageStartingWith("AWS credentials: the environment variable"
                        + " AWS_ACCESS_KEY_ID is set").hasMessageNotContaining("AKIAIOSFODNN7EXAMPLE");
        // even when accounts are configured: the run would otherwise use some other source by surprise
        assertThatThrownBy(() -> DemoMode.decide(false, true, inspect(), () -> "x")).isInstanceOf(CredentialSourceException.class);
        // --demo is still the demo
        assertThat(DemoMode.decide(true, false, inspect(), CredentialSourcesTest::noCredentials)).isTrue();
    }

    @Test
    void secretWithoutKeyAndTokenAloneAreErrors() {
        env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        assertThat(inspect().broken()).hasValueSatisfying(b -> assertThat(b)
                .startsWith("the environment variable AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not")
                .doesNotContain("wJalr"));
        env.remove("AWS_SECRET_ACCESS_KEY");
        env.put("AWS_SESSION_TOKEN", "token");
        assertThat(inspect().broken()).hasValueSatisfying(b -> assertThat(b)
                .startsWith("the environment variable AWS_SESSION_TOKEN is set without AWS_ACCESS_KEY_ID"));
        env.remove("AWS_SESSION_TOKEN");
        props.setProperty("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE");
        assertThat(inspect().broken()).hasValueSatisfying(b -> assertThat(b)
                .startsWith("the system property aws.accessKeyId is set but aws.secretAccessKey is not"));
    }

    @Test
    void aProfileThatDoesNotExistIsAnErrorListingTheProfilesThere() throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"), "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n"
                + "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");
        Files.writeString(home.resolve(".aws/config"), "[profile audit-prod]\nrole_arn = arn:aws:iam::123456789012:role/audit\n"
                + "source_profile = default\n");
        env.put("AWS_PROFILE", "audit");
        assertThat(inspect().set()).contains("AWS_PROFILE=audit", "the shared credentials file " + home.resolve(".aws/credentials"));
        assertThat(inspect().broken()).hasValue("AWS_PROFILE is 'audit', but neither " + home.resolve(".aws/credentials")
                + " nor " + home.resolve(".aws/config") + " has that profile (profiles there: default, audit-prod)");
        env.put("AWS_PROFILE", "audit-prod");
        assertThat(inspect().broken()).isEmpty();
    }

    @Test
    void aProfileWithoutCredentialsOrWithHalfAKeyIsAnError() throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[profile regional]\nregion = eu-west-1\n");
        Files.writeString(home.resolve(".aws/credentials"), "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n");
        env.put("AWS_PROFILE", "regional");
        assertThat(inspect().broken()).hasValueSatisfying(b -> assertThat(b)
                .startsWith("AWS_PROFILE is 'regional', but that profile of ").contains("has no credentials"));
        env.remove("AWS_PROFILE");
        assertThat(inspect().broken()).hasValueSatisfying(b -> assertThat(b)
                .startsWith("profile 'default' of ").endsWith("has aws_access_key_id but no aws_secret_access_key: give both, or neither"));
    }

    @Test
    void aSharedCredentialsFileThatCannotBeReadIsAnErrorNamingIt() throws Exception {
        // what a read-only mount gives a container user who may not read it; a folder is unreadable as a file for root too
        Path credentials = Files.createDirectories(home.resolve("mounted/credentials"));
        env.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
        CredentialSources s = inspect();
        assertThat(s.set()).containsExactly("the shared credentials file " + credentials);
        assertThat(s.broken()).hasValue("the shared credentials file " + credentials + " exists, but is a folder, not a file");
        assertThatThrownBy(() -> DemoMode.decide(false, false, s, CredentialSourcesTest::noCredentials))
                .isInstanceOf(CredentialSourceException.class).hasMessageContaining(credentials.toString());
    }

    @Test
    void aSourceSetButFindingNothingIsAnErrorNotTheDemo() throws Exception {
        env.put("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/abc");
        CredentialSources s = inspect();
        assertThat(s.broken()).isEmpty();
        assertThatThrownBy(() -> DemoMode.decide(false, false, s, CredentialSourcesTest::noCredentials))
                .isInstanceOf(CredentialSourceException.class)
                .hasMessageStartingWith("AWS credentials: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI set, but the AWS SDK's"
                        + " default chain found no usable credentials through it: Unable to load credentials");
        env.remove("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");

        Path token = home.resolve("token");
        env.put("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString());
        assertThat(inspect().broken()).hasValueSatisfying(b -> assertThat(b).contains("AWS_ROLE_ARN is not"));
        env.put("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/audit");
        assertThat(inspect().broken()).hasValue("AWS_WEB_IDENTITY_TOKEN_FILE is " + token + ", which does not exist");
        Files.writeString(token, "eyJ...");
        assertThat(inspect().broken()).isEmpty();
    }

    @Test
    void aConfigFileWithoutCredentialsIsNotASource() throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[default]\nregion = eu-west-1\n");
        assertThat(inspect().set()).isEmpty();
        assertThat(inspect().broken()).isEmpty();
    }
}
