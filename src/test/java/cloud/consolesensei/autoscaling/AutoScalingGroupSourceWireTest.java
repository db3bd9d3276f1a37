package cloud.consolesensei.autoscaling;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.coverage.CoverageGap;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.s3.TestReads;
import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.Gaps;
import cloud.consolesensei.testkit.WireTest;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;

/**
 * The Auto Scaling source through the real SDK against WireMock, answering the Query API in the XML
 * the Amazon EC2 Auto Scaling API reference documents (namespace
 * http://autoscaling.amazonaws.com/doc/2011-01-01/, DescribeAutoScalingGroupsResult with NextToken).
 */
@WireTest
class AutoScalingGroupSourceWireTest {

    private static final AccountTarget ACCOUNT = TestReads.account("111111111111", List.of("eu-west-1"), List.of());

    private AwsWire aws;
    private final Gaps gaps = new Gaps();

    @BeforeEach
    void start() {
        aws = AwsWire.withJournal();
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    /** The first page (no NextToken) or the second (NextToken=page-2) answers with the file {@code aws/autoscaling/<file>}. */
    private void stubPage(boolean first, int status, String file) {
        aws.server().stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeAutoScalingGroups"))
                .withRequestBody(first ? notContaining("NextToken") : containing("NextToken=page-2"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", AwsWire.XML)
                        .withBody(AwsWire.file("autoscaling/" + file))));
    }

    private List<Finding> audit(List<AutoScalingGroup> seen) {
        AutoScalingGroupSource source = new AutoScalingGroupSource();
        ReadContext ctx = TestReads.context(ACCOUNT, "eu-west-1", aws.clients(), gaps);
        List<Finding> findings = new ArrayList<>();
        source.read(ctx).forEach(g -> {
            seen.add(g);
            source.checks().forEach(c -> findings.addAll(c.evaluate(g, ctx.checkContext())));
        });
        return findings;
    }

    @Test
    void readsBothPagesAndJudgesEveryGroup() {
        // web (launch template, two zones, a target group, ELB health check), batch (launch configuration, one zone);
        // then api (mixed instances policy, a classic load balancer, EC2 health check)
        stubPage(true, 200, "describe-auto-scaling-groups-web-batch-page-1.xml");
        stubPage(false, 200, "describe-auto-scaling-groups-api-page-2.xml");

        List<AutoScalingGroup> seen = new ArrayList<>();
        List<Finding> findings = audit(seen);

        assertThat(seen).extracting(AutoScalingGroup::autoScalingGroupName).containsExactly("web", "batch", "api");
        assertThat(findings).extracting(Finding::resourceId, Finding::checkId, Finding::region).containsExactlyInAnyOrder(
                tuple("batch", "asg.single_az", "eu-west-1"),
                tuple("batch", "asg.launch_configuration", "eu-west-1"),
                tuple("api", "asg.elb_health_check_off", "eu-west-1"));
        assertThat(gaps.recorded()).isEmpty();
        aws.server().verify(2, postRequestedFor(urlEqualTo("/"))
                .withHeader("Authorization", containing("/eu-west-1/autoscaling/aws4_request")));

        InventoryRow api = new AutoScalingGroupSource().inventoryRow(seen.get(2), TestReads.checkContext("111111111111", "eu-west-1"));
        assertThat(api.sheet()).isEqualTo("Auto Scaling Groups");
        assertThat(api.cells()).containsExactly("api", "mixed: template api ($Latest)", 1, 4, 2, 1,
                "eu-west-1a, eu-west-1c", "EC2", 1, java.time.Instant.parse("2023-03-09T22:15:11.611Z"));
    }

    @Test
    void failureOnTheSecondPageIsAGapAndKeepsTheFirstPage() {
        stubPage(true, 200, "describe-auto-scaling-groups-batch-page-1.xml");
        stubPage(false, 400, "error-throttling.xml");

        List<AutoScalingGroup> seen = new ArrayList<>();
        List<Finding> findings = audit(seen);

        assertThat(seen).extracting(AutoScalingGroup::autoScalingGroupName).containsExactly("batch");
        assertThat(findings).extracting(Finding::checkId)
                .containsExactlyInAnyOrder("asg.single_az", "asg.launch_configuration");
        assertThat(gaps.recorded()).singleElement().satisfies(g -> {
            assertThat(g).extracting(CoverageGap::accountId, CoverageGap::region, CoverageGap::service,
                    CoverageGap::operation, CoverageGap::errorClass)
                    .containsExactly("111111111111", "eu-west-1", "autoscaling", "DescribeAutoScalingGroups",
                            ErrorClass.THROTTLED);
            assertThat(g.message()).startsWith("Throttling: Rate exceeded");
        });
    }
}
