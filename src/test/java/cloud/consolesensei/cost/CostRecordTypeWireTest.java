package cloud.consolesensei.cost;

import static cloud.consolesensei.testkit.AwsWire.fromFile;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsSettings;
import cloud.consolesensei.aws.SdkAwsClients;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.WireTest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code cost.daily_anomaly} judges usage, not bookkeeping (checks.md): the daily series' Cost
 * Explorer request leaves out the lump-sum record types with a {@code Not} RECORD_TYPE filter, while
 * the month to date that {@code cost.forecast_over_budget} adds to the forecast keeps every record
 * type. Real SDK, AWS JSON 1.1; the answers are files under {@code src/test/resources/aws/ce/}: the
 * daily series as Cost Explorer returns it with the filter (usage only, a spike on November 9) and
 * without it (250 USD of tax on the 1st of each month on top).
 */
@WireTest
class CostRecordTypeWireTest {

    private static final String JSON = "application/x-amz-json-1.1";
    private static final String TARGET = "X-Amz-Target";
    private static final String CAU = "AWSInsightsIndexService.GetCostAndUsage";
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 15);
    private static final AccountTarget ACCOUNT = new AccountTarget("123456789012", "wire-account", null, null,
            List.of("us-east-1"), List.of(), new BigDecimal("3000"), List.of());
    private static final String USAGE_FILTER = """
            {"Not": {"Dimensions": {"Key": "RECORD_TYPE", "Values": ["Tax", "Support", "Fee", "RIFee",
              "SavingsPlanRecurringFee", "SavingsPlanUpfrontFee", "Credit", "Refund"]}}}""";

    private AwsWire aws;
    private SdkAwsClients clients;

    @BeforeEach
    void start() {
        aws = AwsWire.withJournal();
        clients = new SdkAwsClients(AwsSettings.defaults());
        aws.stub(ce(CAU).withRequestBody(matchingJsonPath("$.Granularity", equalTo("MONTHLY")))
                .willReturn(fromFile("ce/get-cost-and-usage-monthly-by-service.json", JSON)));
        // Cost Explorer's answer follows the request: with the filter, usage only
        aws.stub(ce(CAU).withRequestBody(matchingJsonPath("$.Granularity", equalTo("DAILY"))).atPriority(2)
                .willReturn(fromFile("ce/get-cost-and-usage-daily-all-record-types.json", JSON)));
        aws.stub(ce(CAU).withRequestBody(matchingJsonPath("$.Granularity", equalTo("DAILY")))
                .withRequestBody(matchingJsonPath("$.Filter", equalToJson(USAGE_FILTER))).atPriority(1)
                .willReturn(fromFile("ce/get-cost-and-usage-daily-usage.json", JSON)));
        aws.stub(ce("AWSInsightsIndexService.GetCostForecast")
                .willReturn(fromFile("ce/get-cost-forecast-month-end.json", JSON)));
    }

    @AfterEach
    void stop() {
        clients.close();
        aws.close();
    }

    private static MappingBuilder ce(String target) {
        return post(urlEqualTo("/")).withHeader(TARGET, equalTo(target)).withHeader("Content-Type", equalTo(JSON));
    }

    @Test
    void lumpSumsAreNotAnomaliesButAUsageSpikeIs() {
        CostTestSupport t = new CostTestSupport(CostProperties.defaults());
        CostTestSupport.Result r = t.readAndCheck(t.context(ACCOUNT, clients, AS_OF, "run-1", false));

        assertThat(t.gaps).isEmpty();
        // November 1st (250 USD of tax on top of usage) is not judged an anomaly; November 9th is:
        // (400 - 100) x 30
        assertThat(r.findings()).filteredOn(f -> f.checkId().equals("cost.daily_anomaly"))
                .singleElement().satisfies(f -> {
                    assertThat(f.resourceId()).isEqualTo("2026-11-09");
                    assertThat(f.monthlyCostUsd()).isEqualByComparingTo("9000.00");
                    assertThat(f.detail()).contains("tax, support, fees, credits and refunds left out");
                });
        assertThat(r.snapshot().day(LocalDate.of(2026, 11, 1)).orElseThrow().usdTotal()).isEqualByComparingTo("95");

        aws.server().verify(1, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(CAU))
                .withRequestBody(equalToJson("""
                        {"TimePeriod": {"Start": "2026-10-04", "End": "2026-11-15"}, "Granularity": "DAILY",
                         "Metrics": ["UnblendedCost"], "Filter": %s}""".formatted(USAGE_FILTER))));
    }

    @Test
    void theMonthToDateOfTheForecastKeepsEveryRecordType() {
        CostTestSupport t = new CostTestSupport(CostProperties.defaults());
        List<Finding> findings = t.readAndCheck(t.context(ACCOUNT, clients, AS_OF, "run-1", false)).findings();

        // month to date 1,700 + 250 tax, plus the forecast 1,600: 3,550 against the 3,000 budget
        assertThat(findings).filteredOn(f -> f.checkId().equals("cost.forecast_over_budget"))
                .singleElement().satisfies(f -> assertThat(f.monthlyCostUsd()).isEqualByComparingTo("550.00"));
        aws.server().verify(1, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(CAU))
                .withRequestBody(matchingJsonPath("$.Granularity", equalTo("MONTHLY")))
                .withRequestBody(matchingJsonPath("$.Filter", absent())));
    }

    @Test
    void throughThePayersBillBothFiltersAreJoinedWithAnd() {
        CostTestSupport t = new CostTestSupport(new CostProperties("UnblendedCost", "999999999999"));
        t.readAndCheck(t.context(ACCOUNT, clients, AS_OF, "run-1", false));

        aws.server().verify(1, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(CAU))
                .withRequestBody(matchingJsonPath("$.Granularity", equalTo("DAILY")))
                .withRequestBody(matchingJsonPath("$.Filter", equalToJson("""
                        {"And": [{"Dimensions": {"Key": "LINKED_ACCOUNT", "Values": ["123456789012"]}}, %s]}"""
                        .formatted(USAGE_FILTER)))));
        aws.server().verify(1, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(CAU))
                .withRequestBody(matchingJsonPath("$.Granularity", equalTo("MONTHLY")))
                .withRequestBody(matchingJsonPath("$.Filter", equalToJson("""
                        {"Dimensions": {"Key": "LINKED_ACCOUNT", "Values": ["123456789012"]}}"""))));
    }
}
