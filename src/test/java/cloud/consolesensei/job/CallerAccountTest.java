package cloud.consolesensei.job;

import static cloud.consolesensei.testkit.AwsWire.action;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.JobTest;
import cloud.consolesensei.testkit.WireEstate;

import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No account configured, but credentials exist: the credentials' own account
 * (sts:GetCallerIdentity) is audited in the SDK's default region, not the demo estate.
 */
@JobTest
class CallerAccountTest {

    @TempDir
    Path work;

    @Test
    void auditsTheCallersAccountWhenNoneIsConfigured() throws Exception {
        try (AwsWire aws = new AwsWire()) {
            aws.stub(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404)));
            aws.stub(action("GetCallerIdentity").willReturn(WireEstate.callerIdentityAnswer("777788889999")));
            aws.stub(action("DescribeInstances").willReturn(AwsWire.fromFile("ec2/describe-instances-none.xml", AwsWire.XML)));

            Path reports = work.resolve("reports");
            Cli.Result r = Cli.run(work, "run", "--as-of", "2026-11-29", "--reports-dir", reports.toString(),
                    "--no-email");

            assertThat(r.out()).doesNotContain("DEMO");
            assertThat(r.code()).as(r.err()).isEqualTo(3); // the other APIs answer 404: coverage gaps
            List<CSVRecord> gaps = Ec2EbsAuditJobWireTest.csv(reports.resolve("2026-11-29/coverage-all-2026-11-29.csv"));
            assertThat(gaps).isNotEmpty().allSatisfy(g -> assertThat(g.get("account_id")).isEqualTo("777788889999"));
            assertThat(gaps).extracting(g -> g.get("region")).containsOnly("us-east-1", "global");
            assertThat(gaps).extracting(g -> g.get("operation")).doesNotContain("DescribeInstances");
            assertThat(gaps).extracting(g -> g.get("info")).containsOnly("false"); // every gap here makes the run exit 3
        }
    }
}
