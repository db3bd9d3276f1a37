package cloud.consolesensei.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.JobTest;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --demo} in a child JVM with no user configured: it prints the console's address and
 * a one-time password for {@code demo} exactly once, listens on 127.0.0.1 only, the password works
 * for the API (as ADMIN) and nothing else does, the health endpoint is open, and after a run
 * {@code /actuator/prometheus} (login needed) shows the contract's metrics.
 */
@JobTest
class ServeDemoTest {

    private static final Pattern LINE = Pattern.compile("web console: http://127\\.0\\.0\\.1:(\\d+)/ user demo password (\\S+)");

    @Test
    void demoPasswordLoopbackOnlyApiAndMetrics(@TempDir Path dir) throws Exception {
        Cli cli = Cli.h2(dir, "", false);
        Path log = dir.resolve("serve.log");
        Process serve = cli.start(Map.of(), log, "serve", "--demo", "--server.port=0");
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!serve.isAlive()) throw new AssertionError("serve ended:\n" + Files.readString(log));
                return LINE.matcher(Files.readString(log)).find();
            });
            String output = Files.readString(log);
            Matcher m = LINE.matcher(output);
            assertThat(m.find()).isTrue();
            int port = Integer.parseInt(m.group(1));
            String password = m.group(2);
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(output.split(Pattern.quote(password), -1)).as("the password is printed once").hasSize(2);
            assertThat(output).contains("DEMO mode");

            // loopback only: the machine's own non-loopback address refuses the connection
            InetAddress outside = nonLoopbackAddress();
            assertThatThrownBy(() -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(outside, port), 2000);
                }
            }).isInstanceOf(IOException.class);

            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
            assertThat(get(http, base + "/api/runs", "demo", "not-the-password").statusCode()).isEqualTo(401);
            assertThat(get(http, base + "/actuator/prometheus", null, null).statusCode()).isEqualTo(401);

            HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "/api/runs"))
                    .header("Authorization", basic("demo", password)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"accounts\": [\"111111111111\"], \"asOf\": \"2026-01-15\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            String location = started.headers().firstValue("Location").orElseThrow();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> get(http, base + location, "demo", password).body().contains("\"status\":\"COMPLETED\""));

            HttpResponse<String> metrics = get(http, base + "/actuator/prometheus", "demo", password);
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body())
                    .containsPattern("consolesensei_runs_total\\{[^}]*outcome=\"completed\"[^}]*} 1\\.0")
                    .contains("consolesensei_run_duration_seconds_count")
                    .containsPattern("consolesensei_findings\\{[^}]*severity=\"HIGH\"[^}]*status=\"NEW\"[^}]*} [1-9]")
                    .containsPattern("consolesensei_aws_calls_total\\{[^}]*outcome=\"throttled\"[^}]*service=\"ec2\"")
                    .containsPattern("consolesensei_coverage_gaps\\{[^}]*error_class=\"ACCESS_DENIED\"")
                    .contains("consolesensei_cost_explorer_requests_total")
                    // Spring Batch's step observations stay; its two per-item ones are left out (ItemObservations)
                    .contains("spring_batch_step_seconds_count")
                    .doesNotContain("spring_batch_item_");
            assertThat(Files.readString(log)).contains("audit: user=demo action=start accounts=[111111111111]");
        } finally {
            serve.destroy();
            if (!serve.waitFor(120, TimeUnit.SECONDS)) serve.destroyForcibly();
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url, String user, String password) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (user != null) b.header("Authorization", basic(user, password));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static InetAddress nonLoopbackAddress() throws IOException {
        for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!n.isUp() || n.isLoopback()) continue;
            for (InetAddress a : Collections.list(n.getInetAddresses())) {
                if (a instanceof Inet4Address) return a;
            }
        }
        throw new AssertionError("this machine has no non-loopback IPv4 address to test against");
    }
}
