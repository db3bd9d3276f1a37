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

    private static final String NS = "http://autoscaling.amazonaws.com/doc/2011-01-01/";
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

    private static String page(String nextToken, String... groups) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DescribeAutoScalingGroupsResponse xmlns=\"" + NS + "\">"
                + "<DescribeAutoScalingGroupsResult><AutoScalingGroups>" + String.join("", groups) + "</AutoScalingGroups>"
                + (nextToken == null ? "" : "<NextToken>" + nextToken + "</NextToken>")
                + "</DescribeAutoScalingGroupsResult><ResponseMetadata><RequestId>0a5d4a1c-5b1e-4c3f-9f1e-1f6f0b1d2e3a</RequestId>"
                + "</ResponseMetadata></DescribeAutoScalingGroupsResponse>";
    }

    private static String members(String element, List<String> values) {
        return values.isEmpty() ? "<" + element + "/>" : "<" + element + ">"
                + String.join("", values.stream().map(v -> "<member>" + v + "</member>").toList()) + "</" + element + ">";
    }

    /** One group, with {@code launch} the launch template / configuration / mixed policy element. */
    private static String group(String name, String launch, List<String> zones, List<String> targetGroups,
                                List<String> loadBalancers, String healthCheckType) {
        return "<member><AutoScalingGroupName>" + name + "</AutoScalingGroupName>"
                + "<AutoScalingGroupARN>arn:aws:autoscaling:eu-west-1:111111111111:autoScalingGroup:"
                + "930d940e-891e-4781-a11a-7b0acd480f03:autoScalingGroupName/" + name + "</AutoScalingGroupARN>"
                + launch + "<MinSize>1</MinSize><MaxSize>4</MaxSize><DesiredCapacity>2</DesiredCapacity>"
                + "<DefaultCooldown>300</DefaultCooldown>" + members("AvailabilityZones", zones)
                + members("LoadBalancerNames", loadBalancers) + members("TargetGroupARNs", targetGroups)
                + "<HealthCheckType>" + healthCheckType + "</HealthCheckType><HealthCheckGracePeriod>300</HealthCheckGracePeriod>"
                + "<Instances><member><InstanceId>i-0598c7d356eba48d7</InstanceId><InstanceType>t3.micro</InstanceType>"
                + "<AvailabilityZone>" + zones.get(0) + "</AvailabilityZone><LifecycleState>InService</LifecycleState>"
                + "<HealthStatus>Healthy</HealthStatus><ProtectedFromScaleIn>false</ProtectedFromScaleIn></member></Instances>"
                + "<CreatedTime>2023-03-09T22:15:11.611Z</CreatedTime><SuspendedProcesses/>"
                + "<VPCZoneIdentifier>subnet-5ea0c127,subnet-6194ea3b</VPCZoneIdentifier><EnabledMetrics/><Tags/>"
                + "<TerminationPolicies><member>Default</member></TerminationPolicies>"
                + "<NewInstancesProtectedFromScaleIn>false</NewInstancesProtectedFromScaleIn></member>";
    }

    private static final String TEMPLATE = "<LaunchTemplate><LaunchTemplateId>lt-0b9a2cd7b4e1c5f16</LaunchTemplateId>"
            + "<LaunchTemplateName>web</LaunchTemplateName><Version>$Default</Version></LaunchTemplate>";
    private static final String MIXED = "<MixedInstancesPolicy><LaunchTemplate><LaunchTemplateSpecification>"
            + "<LaunchTemplateId>lt-0b9a2cd7b4e1c5f16</LaunchTemplateId><LaunchTemplateName>api</LaunchTemplateName>"
            + "<Version>$Latest</Version></LaunchTemplateSpecification><Overrides><member><InstanceType>c5.large</InstanceType>"
            + "</member><member><InstanceType>c5a.large</InstanceType></member></Overrides></LaunchTemplate>"
            + "<InstancesDistribution><OnDemandBaseCapacity>1</OnDemandBaseCapacity>"
            + "<OnDemandPercentageAboveBaseCapacity>50</OnDemandPercentageAboveBaseCapacity>"
            + "<SpotAllocationStrategy>price-capacity-optimized</SpotAllocationStrategy></InstancesDistribution>"
            + "</MixedInstancesPolicy>";
    private static final String CONFIGURATION = "<LaunchConfigurationName>batch-lc-2019</LaunchConfigurationName>";
    private static final String TG = "arn:aws:elasticloadbalancing:eu-west-1:111111111111:targetgroup/web/943f017f100becff";

    private void stubPage(boolean first, int status, String body) {
        aws.server().stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=DescribeAutoScalingGroups"))
                .withRequestBody(first ? notContaining("NextToken") : containing("NextToken=page-2"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body)));
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
        stubPage(true, 200, page("page-2",
                group("web", TEMPLATE, List.of("eu-west-1a", "eu-west-1b"), List.of(TG), List.of(), "ELB"),
                group("batch", CONFIGURATION, List.of("eu-west-1a"), List.of(), List.of(), "EC2")));
        stubPage(false, 200, page(null,
                group("api", MIXED, List.of("eu-west-1a", "eu-west-1c"), List.of(), List.of("api-clb"), "EC2")));

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
        stubPage(true, 200, page("page-2",
                group("batch", CONFIGURATION, List.of("eu-west-1a"), List.of(), List.of(), "EC2")));
        stubPage(false, 400, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse xmlns=\"" + NS + "\"><Error>"
                + "<Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error>"
                + "<RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ErrorResponse>");

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
