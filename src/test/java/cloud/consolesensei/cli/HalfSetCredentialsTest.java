package cloud.consolesensei.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.JobTest;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A production-like host (mail recipients, an SMTP server, no account listed: the credentials'
 * own account is audited) whose AWS settings are half set, in a child JVM with that environment:
 * one line naming the broken source, exit 1, no report and no email. Before, each of these ran
 * the DEMO estate, exited 0 and mailed the DEMO summary to the real recipients.
 */
@JobTest
class HalfSetCredentialsTest {

    static final int PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @TempDir
    Path dir;

    @Test
    void anAccessKeyWithoutItsSecretIsAnErrorNotTheDemo() throws Exception {
        String out = run(Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE"), 1);
        assertThat(errors(out)).containsExactly("error: AWS credentials: the environment variable AWS_ACCESS_KEY_ID is set"
                + " but AWS_SECRET_ACCESS_KEY is not: set both (and AWS_SESSION_TOKEN for temporary credentials), or neither");
        assertThat(out).doesNotContain("DEMO", "AKIAIOSFODNN7EXAMPLE");
    }

    @Test
    void aProfileThatDoesNotExistIsAnErrorNotTheDemo() throws Exception {
        Path aws = Files.createDirectories(dir.resolve("home/.aws"));
        Files.writeString(aws.resolve("config"), "[profile dev]\nregion = eu-west-1\nsso_session = corp\n");
        String out = run(Map.of("AWS_PROFILE", "audit"), 1);
        assertThat(errors(out)).containsExactly("error: AWS credentials: AWS_PROFILE is 'audit', but neither "
                + aws.resolve("credentials") + " nor " + aws.resolve("config") + " has that profile (profiles there: dev)");
        assertThat(out).doesNotContain("DEMO");
    }

    /**
     * Accounts configured but no credential source at all: one line naming what is missing, exit 1,
     * and no job execution (a FAILED one would only invite a {@code restart} that cannot work).
     */
    @Test
    void configuredAccountsWithoutAnyCredentialsFailBeforeAJobExecution() throws Exception {
        Cli cli = cli("consolesensei.accounts: [{id: \"123456789012\", name: prod, regions: [us-east-1]}]\n");
        Map<String, String> env = new HashMap<>();
        for (String v : List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
                "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
            env.put(v, null);
        }
        String out = run(cli, env, 1);
        assertThat(errors(out)).containsExactly("error: no AWS credentials found by the SDK's default chain (environment"
                + " variables, profile, SSO, container or instance role). Remedy: configure credentials, or run the demo with --demo");
        assertThat(out).doesNotContain("restart", "job execution");
        assertThat(cli.number("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("no job execution").isZero();
    }

    /** Runs {@code run} with {@code env} and an empty home; asserts the exit code, nothing written and nothing sent. */
    private String run(Map<String, String> env, int expectedExit) throws Exception {
        return run(cli(""), env, expectedExit);
    }

    /** A production-like configuration (an SMTP server, recipients) plus {@code extraYaml}. */
    private Cli cli(String extraYaml) throws Exception {
        return Cli.h2(dir.resolve("cli"), "spring.mail.host: 127.0.0.1\nspring.mail.port: " + PORT + "\n"
                + "consolesensei.mail.recipients: [ops@example.com]\n" + extraYaml, false);
    }

    private String run(Cli cli, Map<String, String> env, int expectedExit) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Map<String, String> all = new HashMap<>(env);
        all.put("HOME", home.toString());
        Path log = dir.resolve("child.log");
        Process child = cli.start(all, log, "run");
        boolean ended = child.waitFor(180, TimeUnit.SECONDS);
        if (!ended) child.destroyForcibly();
        String out = Files.readString(log);
        assertThat(ended).as(out).isTrue();
        assertThat(child.exitValue()).as(out).isEqualTo(expectedExit);
        assertThat(smtp.getReceivedMessages()).as("nothing mailed").isEmpty();
        assertThat(cli.reportsDir()).as("no report").doesNotExist();
        return out;
    }

    private static List<String> errors(String out) {
        return Arrays.stream(out.split("\n")).filter(l -> l.startsWith("error:")).toList();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
