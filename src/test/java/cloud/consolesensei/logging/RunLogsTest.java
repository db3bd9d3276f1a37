package cloud.consolesensei.logging;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.Fixtures;
import cloud.consolesensei.testkit.JobTest;
import cloud.consolesensei.testkit.WireEstate;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a run logs: one line per partition with its numbers, and the run's identity on every line. */
@JobTest
class RunLogsTest {

    @Test
    void onePartitionLinePerAccountAndRegionWithExecutionAndAccountOnEveryLine(@TempDir Path dir) throws Exception {
        Cli cli = Cli.h2(dir, Cli.fakeEstate(120, 0), false);
        Cli.Result r = cli.audit(Fixtures.AS_OF);
        long exec = r.executionId();
        List<String> partitions = Arrays.stream(r.err().split("\n")).filter(l -> l.contains("PartitionLogListener")).toList();
        assertThat(partitions).hasSize(6);
        // services and numbers include other modules' demo resources once those are on the classpath
        java.util.regex.Pattern line = java.util.regex.Pattern.compile("\\[run=" + java.util.regex.Pattern.quote(r.runId())
                + " exec=" + exec + " account=(\\d{12}) region=([a-z0-9-]+)\\] c\\.c\\.j\\.PartitionLogListener - partition"
                + " account=\\1 region=\\2 services=([a-z0-9,]*fake[a-z0-9,]*) read=(\\d+) findings=(\\d+) calls=(\\d+)"
                + " status=COMPLETED duration=(\\d+)ms$");
        List<String> seen = new java.util.ArrayList<>();
        for (String l : partitions) {
            var m = line.matcher(l.strip());
            assertThat(m.find()).as(l).isTrue();
            int expected = m.group(2).equals("global") ? 12 : 120;
            assertThat(Long.parseLong(m.group(4))).as(l).isGreaterThanOrEqualTo(expected);
            assertThat(Long.parseLong(m.group(5))).as(l).isGreaterThanOrEqualTo(expected);
            seen.add(m.group(1) + "/" + m.group(2));
        }
        assertThat(seen).containsExactlyInAnyOrder("111111111111/global", "111111111111/us-east-1",
                "111111111111/eu-west-1", "222222222222/global", "222222222222/us-east-1", "222222222222/us-west-2");
        assertThat(Arrays.stream(r.err().split("\n")).filter(l -> l.contains("c.c.job.PlanTasklet")))
                .singleElement().asString().contains("exec=" + exec);
    }

    @Test
    void jsonLogsProfileWritesOneJsonObjectPerLine(@TempDir Path dir) throws Exception {
        Cli cli = Cli.h2(dir, Cli.fakeEstate(10, 0) + "spring.profiles.active: json-logs\n", false);
        Cli.Result r = cli.audit(Fixtures.AS_OF);
        JsonMapper json = JsonMapper.builder().build();
        List<JsonNode> lines = Arrays.stream(r.err().split("\n")).filter(l -> l.startsWith("{")).map(json::readTree).toList();
        assertThat(lines).isNotEmpty();
        assertThat(lines).filteredOn(n -> n.path("message").asString("").startsWith("partition account=111111111111 region=us-east-1"))
                .singleElement().satisfies(n -> {
                    assertThat(n.path("execution").asString("")).isEqualTo(Long.toString(r.executionId()));
                    assertThat(n.path("account").asString("")).isEqualTo("111111111111");
                    assertThat(n.path("log").path("level").asString("")).isEqualTo("INFO");
                });
    }

    @Test
    void debugWireLogsOfAwsRequestsHaveTheirSecretsMasked(@TempDir Path dir) throws Exception {
        String token = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN";
        Cli cli = Cli.h2(dir, "", false);
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try (var ctx = cli.context("--logging.level.software.amazon.awssdk.request=DEBUG",
                "--logging.level.org.apache.http.wire=DEBUG", "--logging.level.org.apache.http.headers=DEBUG");
             AwsWire aws = stsWire();
             StsClient sts = sts(aws, software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(
                     "ASIAEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", token))) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo("111111111111");
        } finally {
            System.setErr(old);
        }
        String logs = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        old.print(logs);
        assertThat(logs).contains("X-Amz-Security-Token: ****").contains("Authorization: ****")
                .doesNotContain(token).doesNotContain("Signature=");
    }

    /** STS answering GetCallerIdentity for account 111111111111. */
    private static AwsWire stsWire() {
        AwsWire aws = new AwsWire();
        aws.stub(AwsWire.action("GetCallerIdentity").willReturn(WireEstate.callerIdentityAnswer("111111111111")));
        return aws;
    }

    private static StsClient sts(AwsWire aws, software.amazon.awssdk.auth.credentials.AwsCredentials credentials) {
        return StsClient.builder().region(Region.US_EAST_1).endpointOverride(URI.create(aws.baseUrl()))
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }

    @Test
    void countsTheSdkCallsOfTheCurrentThread() {
        try (AwsWire aws = stsWire(); StsClient sts = sts(aws, AwsBasicCredentials.create("AKIDEXAMPLE", "secret"))) {
            AwsCallCounter.reset();
            assertThat(sts.getCallerIdentity().account()).isEqualTo("111111111111");
            sts.getCallerIdentity();
            assertThat(AwsCallCounter.count()).isEqualTo(2);
            AwsCallCounter.reset();
            assertThat(AwsCallCounter.count()).isZero();
        }
    }
}
