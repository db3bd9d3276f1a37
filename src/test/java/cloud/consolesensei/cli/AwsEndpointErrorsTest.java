package cloud.consolesensei.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.aws.AwsEnvironment;
import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.JobTest;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AWS endpoints that cannot be used, as the real {@code run} reports them. Before: a closed
 * {@code AWS_ENDPOINT_URL} read as bad credentials, an endpoint that never answers was 254 s of
 * silence, and an endpoint URL or attempt count that is not one was an AWS answer found malformed
 * (exit 1) after the job had started.
 */
@JobTest
class AwsEndpointErrorsTest {

    @TempDir
    Path dir;

    /** A closed loopback port: connection refused. The error names the endpoint and says it is no credentials problem. */
    @Test
    void aClosedEndpointIsUnreachableNotBadCredentials() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Cli.Result r = withAws("http://127.0.0.1:" + port, Cli.h2(dir, "consolesensei.aws.max-attempts: 2\n", false));
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(errors(r)).singleElement().asString()
                .startsWith("error: AWS could not be reached to check the base credentials (sts:GetCallerIdentity): cannot reach http://127.0.0.1:"
                        + port + " (sts GetCallerIdentity): ConnectException: Connection refused (2 attempts in ")
                .contains("a network problem, not one of credentials")
                .doesNotContain("do not work", "Malformed");
    }

    /**
     * A loopback server that accepts and never answers: each attempt ends at the read timeout with
     * a progress line naming the endpoint, and the call ends at the API call timeout as a timeout.
     */
    @Test
    void anEndpointThatNeverAnswersIsBoundedAndSaysSo() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) held.add(silent.accept());
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "http://127.0.0.1:" + silent.getLocalPort();
            // 20 attempts of 500 ms each, next to no backoff, cannot end before the 8 s call timeout: the timeout ends it
            Cli.Result r = withAws(url, Cli.h2(dir, "consolesensei.aws.read-timeout: 500ms\nconsolesensei.aws.retry-base-delay: 1ms\n"
                    + "consolesensei.aws.api-call-timeout: 8s\nconsolesensei.aws.max-attempts: 20\n", false));
            assertThat(r.code()).as(r.err()).isEqualTo(1);
            assertThat(errors(r)).singleElement().asString()
                    .startsWith("error: AWS could not be reached to check the base credentials (sts:GetCallerIdentity): cannot reach "
                            + url + " (sts GetCallerIdentity): no answer within the API call timeout of 8.0 s"
                            + " (consolesensei.aws.api-call-timeout) (")
                    .contains("a network problem, not one of credentials").doesNotContain("ApiCallTimeoutException");
            assertThat(r.out() + r.err()).containsPattern("no answer from " + java.util.regex.Pattern.quote(url)
                    + " \\(sts GetCallerIdentity\\) in \\d+\\.\\d s \\(attempt 1 of 20\\); retrying, at most 8\\.0 s in all"
                    + " \\(consolesensei\\.aws\\.api-call-timeout\\)");
        } finally {
            for (Socket s : held) s.close();
        }
    }

    /**
     * Bad SDK settings in the environment of a real process: a usage error per variable naming what
     * is allowed, exit 2, before any job execution exists.
     */
    @Test
    void badEndpointUrlsAndAttemptCountsAreUsageErrors() throws Exception {
        Cli cli = Cli.h2(dir, "", false);
        Path log = dir.resolve("child.log");
        Process child = cli.start(Map.of("AWS_ENDPOINT_URL", "not a url", "AWS_ENDPOINT_URL_S3", "ftp://x",
                "AWS_MAX_ATTEMPTS", "abc", "AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI"), log, "run");
        assertThat(child.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(log);
        assertThat(child.exitValue()).as(out).isEqualTo(2);
        assertThat(Arrays.stream(out.split("\n")).filter(l -> l.startsWith("error:")).toList()).containsExactly(
                "error: environment variable AWS_ENDPOINT_URL: 'not a url' is not an endpoint URL: use http:// or https:// with a host,"
                        + " e.g. http://localhost:4566, or unset it",
                "error: environment variable AWS_ENDPOINT_URL_S3: 'ftp://x' is not an endpoint URL: use http:// or https:// with a host,"
                        + " e.g. http://localhost:4566, or unset it",
                "error: environment variable AWS_MAX_ATTEMPTS: 'abc' is not allowed: a whole number of attempts, 1 or more (e.g. 3),"
                        + " or unset it (this program's own setting is consolesensei.aws.max-attempts)");
        assertThat(executions(cli)).as("no job execution").isZero();
        assertThat(cli.reportsDir()).doesNotExist();
    }

    @Test
    void attemptCountsBelowOneAndUnknownRetryModesAreRefused() {
        Properties none = new Properties();
        assertThat(AwsEnvironment.problems(Map.of("AWS_MAX_ATTEMPTS", "0"), none)).singleElement().asString()
                .startsWith("environment variable AWS_MAX_ATTEMPTS: '0' is not allowed: a whole number of attempts, 1 or more");
        assertThat(AwsEnvironment.problems(Map.of("AWS_MAX_ATTEMPTS", "-1"), none)).hasSize(1);
        Properties sys = new Properties();
        sys.setProperty("aws.retryMode", "fast");
        assertThat(AwsEnvironment.problems(Map.of(), sys)).containsExactly(
                "system property aws.retryMode: 'fast' is not allowed: use legacy, standard, adaptive, or unset it");
        assertThat(AwsEnvironment.problems(Map.of("AWS_MAX_ATTEMPTS", "3", "AWS_RETRY_MODE", "adaptive",
                "AWS_ENDPOINT_URL", "https://localhost:4566"), none)).isEmpty();
    }

    /** {@code run} in-process with base credentials and {@code endpoint} as the SDK's system properties (twins of the AWS_* variables). */
    private static Cli.Result withAws(String endpoint, Cli cli) {
        Map<String, String> props = Map.of("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE", "aws.secretAccessKey", "wJalrXUtnFEMI",
                "aws.endpointUrl", endpoint);
        props.forEach(System::setProperty);
        try {
            return cli.cli("run", "--no-email");
        } finally {
            props.keySet().forEach(System::clearProperty);
        }
    }

    private static List<String> errors(Cli.Result r) {
        return Arrays.stream((r.out() + r.err()).split("\n")).filter(l -> l.startsWith("error:")).toList();
    }

    /** Job executions in the CLI's database; 0 when it was never created. */
    private static long executions(Cli cli) {
        List<Map<String, String>> t = cli.query("SELECT COUNT(*) AS n FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'BATCH_JOB_EXECUTION'");
        return "0".equals(t.get(0).get("n")) ? 0 : cli.number("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION");
    }
}
