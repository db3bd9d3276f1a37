package cloud.consolesensei.usage;

import static cloud.consolesensei.ec2.Ec2TestSupport.readContext;
import static cloud.consolesensei.testkit.AwsWire.action;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsSettings;
import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.aws.SdkAwsClients;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.coverage.CoverageGap;
import cloud.consolesensei.ebs.VolumeSource;
import cloud.consolesensei.ec2.Ec2TestSupport;
import cloud.consolesensei.ec2.InstanceSource;
import cloud.consolesensei.ec2.InstanceView;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.price.PriceList;
import cloud.consolesensei.price.PriceListUsage;
import cloud.consolesensei.price.PriceStore;
import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.WireTest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CloudWatch GetMetricData through the real SDK 2.40.2 client, which speaks the Query protocol
 * (form body {@code Action=GetMetricData&Version=2010-08-01&...}, XML answer), against WireMock
 * serving the answers under {@code src/test/resources/aws/cloudwatch/}: pages followed and joined,
 * PartialData, missing days, whole UTC days, 500 queries a call, and a denied call.
 * As-of date 2026-11-29: the instances' window is 2026-11-15 to 2026-11-28.
 */
@WireTest
class MetricDataWireTest {

    private static final AccountTarget ACCOUNT = new AccountTarget("123456789012", "wiremock", null, null,
            List.of("us-east-1"), List.of(), null, List.of());

    private AwsWire aws;
    private SdkAwsClients clients;
    private final List<CoverageGap> gaps = new ArrayList<>();
    private final MetricDataUsage metricUsage = new MetricDataUsage();
    private final PriceListUsage priceUsage = new PriceListUsage();

    @BeforeEach
    void start() {
        aws = AwsWire.withJournal();
        clients = new SdkAwsClients(AwsSettings.defaults());
        aws.stub(action("DescribeVolumes").withRequestBody(containing("attachment.instance-id"))
                .willReturn(AwsWire.fromFile("ec2/describe-volumes-none.xml", "text/xml;charset=UTF-8")));
        aws.stub(AwsWire.priceList("GetProducts").willReturn(AwsWire.fromFile("pricing/get-products-no-product.json", "application/x-amz-json-1.1")));
        aws.stub(AwsWire.priceList("GetProducts").withRequestBody(matchingJsonPath("$.Filters[?(@.Value == 'm5.large')]"))
                .withRequestBody(notContaining("NextToken"))
                .willReturn(AwsWire.fromFile("pricing/get-products-m5-large-linux-page-1.json", "application/x-amz-json-1.1")));
        aws.stub(AwsWire.priceList("GetProducts").withRequestBody(matchingJsonPath("$.Filters[?(@.Value == 'm5.large')]"))
                .withRequestBody(containing("NextToken"))
                .willReturn(AwsWire.fromFile("pricing/get-products-m5-large-linux-page-2.json", "application/x-amz-json-1.1")));
    }

    @AfterEach
    void stop() {
        clients.close();
        aws.close();
    }

    @Test
    void pagesAreFollowedAndAQuerySplitAcrossThemJoinedMissingDaysAreNotZero() {
        aws.stub(action("DescribeInstances").willReturn(AwsWire.fromFile("ec2/describe-instances-usage.xml", "text/xml;charset=UTF-8")));
        aws.stub(action("GetMetricData").withRequestBody(notContaining("NextToken"))
                .willReturn(AwsWire.fromFile("cloudwatch/get-metric-data-instances-page-1.xml", "text/xml;charset=UTF-8")));
        aws.stub(action("GetMetricData").withRequestBody(containing("NextToken=AQICAHjMwRBi-page-2-token"))
                .willReturn(AwsWire.fromFile("cloudwatch/get-metric-data-instances-page-2.xml", "text/xml;charset=UTF-8")));

        Read r = readInstances();

        List<LoggedRequest> calls = getMetricData();
        assertThat(calls).hasSize(2);
        for (LoggedRequest call : calls) {
            // whole UTC days, one datapoint a day, the same 12 queries on both pages (4 running instances)
            assertThat(call.getBodyAsString()).contains("Version=2010-08-01", "StartTime=2026-11-15T00%3A00%3A00Z",
                    "EndTime=2026-11-29T00%3A00%3A00Z", "MetricDataQueries.member.1.Id=m0",
                    "MetricDataQueries.member.1.MetricStat.Period=86400",
                    "MetricDataQueries.member.1.MetricStat.Stat=Average",
                    "MetricDataQueries.member.1.MetricStat.Metric.Namespace=AWS%2FEC2",
                    "MetricDataQueries.member.1.MetricStat.Metric.MetricName=CPUUtilization",
                    "MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name=InstanceId",
                    "MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value=i-0a00000000000000a",
                    "MetricDataQueries.member.2.MetricStat.Stat=Sum", "MetricDataQueries.member.12.Id=m11")
                    .doesNotContain("MetricDataQueries.member.13.");
        }
        assertThat(metricUsage.calls("test")).isEqualTo(2);
        assertThat(metricUsage.metrics("test")).isEqualTo(24);

        // a: CPU on page 1 (days 1-7) and page 2 (days 8-14) joined; the 14th and 29th of November are outside
        InstanceView a = r.views().get("i-0a00000000000000a");
        assertThat(a.metrics().cpu().values()).hasSize(14);
        assertThat(a.metrics().partial()).isFalse();
        assertThat(r.findings()).filteredOn(f -> f.checkId().equals("ec2.instance_idle"))
                .extracting(Finding::resourceId).containsExactlyInAnyOrder("i-0a00000000000000a", "i-0e00000000000000e");
        Finding idle = r.findings().stream().filter(f -> f.resourceId().equals("i-0a00000000000000a")).findFirst().orElseThrow();
        // m5.large Linux shared: 0.096 USD/hour from the Price List's OnDemand term (decoys and Reserved ignored)
        assertThat(idle.monthlyCostUsd()).isEqualByComparingTo("70.08");
        assertThat(idle.detail()).contains("idle on 14 of the last 14 days (2026-11-15 to 2026-11-28 UTC)")
                .contains("Costs 70.08 USD/month on demand (0.096 USD/hour x 730, AWS Price List)");
        // b: only 3 idle days (one CPU above 10 %, one network above 5,000,000 bytes, one without NetworkOut)
        InstanceView b = r.views().get("i-0b00000000000000b");
        assertThat(b.metrics().partial()).isTrue();
        assertThat(b.metrics().idleDays(new BigDecimal("10"), new BigDecimal("5000000"))).extracting(d -> d.date().toString())
                .containsExactly("2026-11-15", "2026-11-17", "2026-11-24");
        // c: no datapoint at all: not evaluated, and the sheet says so
        List<Object> cells = r.rows().get("i-0c00000000000000c").cells();
        assertThat(cells.get(cells.size() - 1)).asString()
                .contains("no CloudWatch datapoint in 2026-11-15 to 2026-11-28 UTC");
        // e: a Spot instance is judged, its cost stays empty with the reason
        Finding spot = r.findings().stream().filter(f -> f.resourceId().equals("i-0e00000000000000e")).findFirst().orElseThrow();
        assertThat(spot.monthlyCostUsd()).isNull();
        assertThat(spot.detail()).contains("Spot instance");
        assertThat(gaps).isEmpty();
    }

    @Test
    void aRegionOfSixHundredQueriesTakesTwoCallsOfAtMostFiveHundred() {
        aws.stub(action("DescribeInstances").willReturn(AwsWire.fromFile("ec2/describe-instances-200-running.xml", "text/xml;charset=UTF-8")));
        aws.stub(action("GetMetricData").willReturn(AwsWire.fromFile("cloudwatch/get-metric-data-no-datapoints.xml", "text/xml;charset=UTF-8")));

        Read r = readInstances();

        List<LoggedRequest> calls = getMetricData();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).getBodyAsString()).contains("MetricDataQueries.member.500.Id=m499")
                .doesNotContain("MetricDataQueries.member.501.");
        assertThat(calls.get(1).getBodyAsString()).contains("MetricDataQueries.member.100.Id=m99")
                .doesNotContain("MetricDataQueries.member.101.");
        assertThat(metricUsage.metrics("test")).isEqualTo(600);
        assertThat(r.views()).hasSize(200);
        assertThat(r.findings()).noneMatch(f -> f.checkId().equals("ec2.instance_idle"));
        assertThat(gaps).isEmpty();
    }

    @Test
    void oneHundredEightyRunningInstancesAndTwoHundredVolumesTakeThreeCalls() {
        aws.stub(action("DescribeInstances").willReturn(AwsWire.fromFile("ec2/describe-instances-180-running.xml", "text/xml;charset=UTF-8")));
        aws.stub(action("DescribeVolumes").withRequestBody(notContaining("attachment.instance-id"))
                .willReturn(AwsWire.fromFile("ec2/describe-volumes-200-in-use.xml", "text/xml;charset=UTF-8")));
        aws.stub(action("GetMetricData").willReturn(AwsWire.fromFile("cloudwatch/get-metric-data-no-datapoints.xml", "text/xml;charset=UTF-8")));

        readInstances();
        List<Finding> volumes = Ec2TestSupport.readAndCheck(new VolumeSource(metricUsage), context());

        // 540 instance queries in two calls, 400 volume queries in one: never one call per resource
        assertThat(getMetricData()).hasSize(3);
        assertThat(metricUsage.metrics("test")).isEqualTo(940);
        assertThat(volumes).noneMatch(f -> f.checkId().equals("ebs.volume_idle"));
        assertThat(gaps).isEmpty();
    }

    @Test
    void aDeniedCallIsACoverageGapNoInstanceIsJudgedIdleAndTheRegionIsNotAskedAgain() {
        aws.stub(action("DescribeInstances").willReturn(AwsWire.fromFile("ec2/describe-instances-200-running.xml", "text/xml;charset=UTF-8")));
        aws.stub(action("GetMetricData").willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/xml")
                .withBody(AwsWire.file("cloudwatch/get-metric-data-access-denied.xml"))));

        Read r = readInstances();

        assertThat(getMetricData()).hasSize(1);
        assertThat(r.findings()).noneMatch(f -> f.checkId().equals("ec2.instance_idle"));
        assertThat(r.views().values()).allSatisfy(v -> {
            assertThat(v.metrics()).isNull();
            assertThat(v.metricsNote()).contains("GetMetricData failed");
        });
        assertThat(gaps).singleElement().satisfies(g -> {
            assertThat(g.service()).isEqualTo("cloudwatch");
            assertThat(g.operation()).isEqualTo("GetMetricData");
            assertThat(g.region()).isEqualTo("us-east-1");
            assertThat(g.errorClass()).isEqualTo(ErrorClass.ACCESS_DENIED);
            assertThat(g.info()).isFalse();
        });
    }

    private record Read(Map<String, InstanceView> views, Map<String, InventoryRow> rows, List<Finding> findings) {
    }

    private ReadContext context() {
        return readContext(clients, ACCOUNT, "us-east-1", gaps);
    }

    private Read readInstances() {
        InstanceSource source = new InstanceSource(metricUsage, new PriceList(PriceStore.inMemory(), priceUsage));
        ReadContext rc = context();
        CheckContext cc = rc.checkContext();
        List<InstanceView> views;
        try (var s = source.read(rc)) {
            views = s.toList();
        }
        List<Finding> findings = new ArrayList<>();
        views.forEach(v -> source.checks().forEach(c -> findings.addAll(c.evaluate(v, cc))));
        return new Read(views.stream().collect(Collectors.toMap(v -> v.instance().instanceId(), Function.identity())),
                views.stream().map(v -> source.inventoryRow(v, cc)).collect(Collectors.toMap(InventoryRow::resourceId,
                        Function.identity())), findings);
    }

    private List<LoggedRequest> getMetricData() {
        return aws.server().findAll(postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=GetMetricData")));
    }
}
