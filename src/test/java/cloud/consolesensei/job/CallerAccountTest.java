package cloud.consolesensei.job;

import static cloud.consolesensei.testkit.AwsWire.action;
import static cloud.consolesensei.testkit.AwsWire.xml;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.JobTest;

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
            aws.stub(action("GetCallerIdentity").willReturn(xml("""
                    <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                      <GetCallerIdentityResult>
                        <Arn>arn:aws:iam::777788889999:user/auditor</Arn>
                        <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
                        <Account>777788889999</Account>
                      </GetCallerIdentityResult>
                      <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
                    </GetCallerIdentityResponse>""")));
            aws.stub(action("DescribeInstances").willReturn(xml("""
                    <DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                      <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
                      <reservationSet/>
                    </DescribeInstancesResponse>""")));

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
