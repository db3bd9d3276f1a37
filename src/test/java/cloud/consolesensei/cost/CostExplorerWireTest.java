package cloud.consolesensei.cost;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsSettings;
import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.aws.SdkAwsClients;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.report.AccountFacts;
import cloud.consolesensei.report.ReportScope;
import cloud.consolesensei.report.ReportWorkbook;
import cloud.consolesensei.testkit.AwsTemplate;
import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.WireTest;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.assertj.core.data.Offset;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real SDK, real HTTP: WireMock answers Cost Explorer (AWS JSON 1.1: {@code POST /} with
 * {@code X-Amz-Target: AWSInsightsIndexService.<Operation>}) with bodies shaped as the Cost Explorer
 * API reference documents them; the cache is a Flyway-migrated H2 database.
 */
@WireTest
class CostExplorerWireTest {

    private static final String JSON = "application/x-amz-json-1.1";
    private static final String TARGET = "X-Amz-Target";
    private static final String CAU = "AWSInsightsIndexService.GetCostAndUsage";
    private static final String FORECAST = "AWSInsightsIndexService.GetCostForecast";
    private static final String EC2 = "Amazon Elastic Compute Cloud - Compute";
    private static final String S3 = "Amazon Simple Storage Service";
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 15);
    private static final AccountTarget ACCOUNT = new AccountTarget("123456789012", "wire-account", null, null,
            List.of("us-east-1"), List.of(), new BigDecimal("1000"), List.of());

    private AwsWire aws;
    private WireMockServer wm;
    private SdkAwsClients clients;
    private CostTestSupport t;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() {
        aws = AwsWire.withJournal();
        wm = aws.server();
        AwsSettings s = AwsSettings.defaults();
        clients = aws.clients(new AwsSettings(s.retryMode(), 2, 2, 2, Duration.ofSeconds(2), Duration.ofSeconds(5),
                s.roleSessionDuration(), s.stsHomeRegion()));
        t = new CostTestSupport(CostProperties.defaults());
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    // ---- Cost Explorer answers, as the API reference shows them ----

    /**
     * Months May..Oct complete plus Nov 1-15 by service (EC2, S3, Tax), October's groups split over
     * the two pages; 42 days Oct 4..Nov 14 (45/55 alternating, Nov 10 at 180.25, November estimated);
     * a forecast of 400 USD to month end with its prediction interval.
     */
    private static final String MONTHLY_PAGE_1 = AwsWire.file("ce/get-cost-and-usage-monthly-by-service-page-1.json");
    private static final String MONTHLY_PAGE_2 = AwsWire.file("ce/get-cost-and-usage-monthly-by-service-page-2.json");
    private static final String DAILY = AwsWire.file("ce/get-cost-and-usage-daily-42-days.json");
    private static final String FORECAST_BODY = AwsWire.file("ce/get-cost-forecast-with-intervals.json");

    private static MappingBuilder ce(String target) {
        return post(urlEqualTo("/")).withHeader(TARGET, equalTo(target))
                .withHeader("Content-Type", equalTo(JSON));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(body);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(String type, String message) {
        return AwsTemplate.of("json/error.json").answer(400, JSON, "type", type, "message", message)
                .withHeader("x-amzn-RequestId", "req-" + type);
    }

    private void stubMonthlyAndDaily() {
        wm.stubFor(ce(CAU).withRequestBody(matchingJsonPath("$.Granularity", equalTo("MONTHLY")))
                .withRequestBody(matchingJsonPath("$[?(!(@.NextPageToken))]")).willReturn(ok(MONTHLY_PAGE_1)));
        wm.stubFor(ce(CAU).withRequestBody(matchingJsonPath("$.Granularity", equalTo("MONTHLY")))
                .withRequestBody(matchingJsonPath("$.NextPageToken", equalTo("AQAB-page-2"))).willReturn(ok(MONTHLY_PAGE_2)));
        wm.stubFor(ce(CAU).withRequestBody(matchingJsonPath("$.Granularity", equalTo("DAILY"))).willReturn(ok(DAILY)));
    }

    private void stubAll() {
        stubMonthlyAndDaily();
        wm.stubFor(ce(FORECAST).willReturn(ok(FORECAST_BODY)));
    }

    private int ceRequests() {
        return wm.findAll(postRequestedFor(urlEqualTo("/"))).size();
    }

    private static List<String> keys(List<Finding> findings) {
        return findings.stream().map(f -> f.checkId() + " " + f.resourceId() + " " + f.severity() + " " + f.monthlyCostUsd())
                .collect(Collectors.toList());
    }

    // ---- tests ----

    @Test
    void readsTwoPagesParsesExactlyAndFindsWhatChecksMdSays() {
        stubAll();
        CostTestSupport.Result r = t.readAndCheck(t.context(ACCOUNT, clients, AS_OF, "run-1", false));

        assertThat(t.gaps).isEmpty();
        assertThat(r.items()).isEqualTo(1);
        CostSnapshot s = r.snapshot();
        assertThat(s.months()).extracting(CostPeriod::start).containsExactly(LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 1), LocalDate.of(2026, 8, 1), LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 10, 1));
        // October merged from both pages, exact to the last digit
        assertThat(s.lastMonth().orElseThrow().usdTotal()).isEqualByComparingTo("1632.5000000001");
        assertThat(s.monthBeforeLast().orElseThrow().amount(S3, "USD").amount()).isEqualByComparingTo("-0.0000000289");
        assertThat(s.monthToDate().usdTotal()).isEqualByComparingTo("755.65");
        assertThat(s.monthToDate().estimated()).isTrue();
        assertThat(s.days()).hasSize(42);
        assertThat(s.day(LocalDate.of(2026, 11, 10)).orElseThrow().usdTotal()).isEqualByComparingTo("180.25");
        assertThat(s.forecast().amount()).isEqualByComparingTo("400");
        assertThat(s.forecast().unit()).isEqualTo("USD");
        assertThat(s.monthEndForecastUsd()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1155.65"));

        assertThat(keys(r.findings())).containsExactlyInAnyOrder(
                "cost.service_spike " + EC2 + " MEDIUM 500.38",
                "cost.service_spike " + S3 + " MEDIUM 120.00",
                "cost.forecast_over_budget 123456789012 HIGH 155.65",
                "cost.daily_anomaly 2026-11-10 MEDIUM 3907.50");
        assertThat(r.findings()).allSatisfy(f -> {
            assertThat(f.region()).isEqualTo("global");
            assertThat(f.service()).isEqualTo("ce");
            assertThat(f.accountId()).isEqualTo("123456789012");
        });

        // what was asked: 2 pages monthly, 1 daily, 1 forecast; each counted for the run
        assertThat(ceRequests()).isEqualTo(4);
        assertThat(t.usage.requests("run-1")).isEqualTo(4);
        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(CAU))
                .withRequestBody(equalToJson("""
                        {"TimePeriod": {"Start": "2026-05-01", "End": "2026-11-15"}, "Granularity": "MONTHLY",
                         "Metrics": ["UnblendedCost"], "GroupBy": [{"Type": "DIMENSION", "Key": "SERVICE"}]}""")));
        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(CAU))
                .withRequestBody(matchingJsonPath("$.NextPageToken", equalTo("AQAB-page-2"))));
        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(CAU))
                .withRequestBody(equalToJson("""
                        {"TimePeriod": {"Start": "2026-10-04", "End": "2026-11-15"}, "Granularity": "DAILY",
                         "Metrics": ["UnblendedCost"], "Filter": {"Not": {"Dimensions": {"Key": "RECORD_TYPE",
                         "Values": ["Tax", "Support", "Fee", "RIFee", "SavingsPlanRecurringFee", "SavingsPlanUpfrontFee",
                                    "Credit", "Refund"]}}}}""")));
        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(FORECAST))
                .withRequestBody(equalToJson("""
                        {"TimePeriod": {"Start": "2026-11-15", "End": "2026-12-01"}, "Metric": "UNBLENDED_COST",
                         "Granularity": "MONTHLY"}""")));
    }

    @Test
    void secondReadTheSameDayIsFreeAndRefreshAsksAgain() {
        stubAll();
        List<String> first = keys(t.readAndCheck(t.context(ACCOUNT, clients, AS_OF, "run-1", false)).findings());
        assertThat(ceRequests()).isEqualTo(4);

        CostTestSupport.Result again = t.readAndCheck(t.context(ACCOUNT, clients, AS_OF, "run-2", false));
        assertThat(ceRequests()).isEqualTo(4);
        assertThat(t.usage.requests("run-2")).isZero();
        assertThat(keys(again.findings())).containsExactlyInAnyOrderElementsOf(first);
        assertThat(again.snapshot().lastMonth().orElseThrow().usdTotal()).isEqualByComparingTo("1632.5000000001");

        CostTestSupport.Result refreshed = t.readAndCheck(t.context(ACCOUNT, clients, AS_OF, "run-3", true));
        assertThat(ceRequests()).isEqualTo(8);
        assertThat(t.usage.requests("run-3")).isEqualTo(4);
        assertThat(keys(refreshed.findings())).containsExactlyInAnyOrderElementsOf(first);
        assertThat(t.gaps).isEmpty();
    }

    @Test
    void nextDayAsksOnlyForWhatIsNotFinal() {
        stubAll();
        t.readAndCheck(t.context(ACCOUNT, clients, AS_OF, "run-1", false));
        wm.resetRequests();
        t.readAndCheck(t.context(ACCOUNT, clients, AS_OF.plusDays(1), "run-2", false));
        // complete, final months and October's days are not asked again; the month to date, the
        // estimated November days and the forecast are
        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(CAU))
                .withRequestBody(matchingJsonPath("$.Granularity", equalTo("MONTHLY")))
                .withRequestBody(notContaining("NextPageToken"))
                .withRequestBody(matchingJsonPath("$.TimePeriod.Start", equalTo("2026-11-01")))
                .withRequestBody(matchingJsonPath("$.TimePeriod.End", equalTo("2026-11-16"))));
        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(CAU))
                .withRequestBody(matchingJsonPath("$.Granularity", equalTo("DAILY")))
                .withRequestBody(matchingJsonPath("$.TimePeriod.Start", equalTo("2026-11-01")))
                .withRequestBody(matchingJsonPath("$.TimePeriod.End", equalTo("2026-11-16"))));
        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(FORECAST))
                .withRequestBody(matchingJsonPath("$.TimePeriod.Start", equalTo("2026-11-16"))));
    }

    @Test
    void forecastWithTooLittleHistoryIsAnInfoGapAskedOncePerDay() {
        stubMonthlyAndDaily();
        wm.stubFor(ce(FORECAST).willReturn(error("DataUnavailableException", "Insufficient amount of historical data to generate forecast.")));
        CostTestSupport.Result r = t.readAndCheck(t.context(ACCOUNT, clients, AS_OF, "run-1", false));

        assertThat(t.gaps).singleElement().satisfies(g -> {
            assertThat(g.service()).isEqualTo("ce");
            assertThat(g.operation()).isEqualTo("GetCostForecast");
            assertThat(g.region()).isEqualTo("global");
            assertThat(g.errorClass()).isEqualTo(ErrorClass.DATA_UNAVAILABLE);
            assertThat(g.info()).isTrue();
            assertThat(g.message()).contains("DataUnavailableException", "Insufficient amount of historical data");
        });
        assertThat(r.findings()).extracting(Finding::checkId).doesNotContain("cost.forecast_over_budget")
                .contains("cost.service_spike", "cost.daily_anomaly");
        int asked = ceRequests();

        t.gaps.clear();
        t.readAndCheck(t.context(ACCOUNT, clients, AS_OF, "run-2", false));
        assertThat(ceRequests()).isEqualTo(asked);
        assertThat(t.gaps).singleElement().satisfies(g -> assertThat(g.errorClass()).isEqualTo(ErrorClass.DATA_UNAVAILABLE));
    }

    @Test
    void accessDeniedIsAGapWithARemedyAndTheRestGoesOn() {
        wm.stubFor(ce(CAU).willReturn(error("AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/audit is not authorized to perform: ce:GetCostAndUsage")));
        wm.stubFor(ce(FORECAST).willReturn(ok(FORECAST_BODY)));
        CostTestSupport.Result r = t.readAndCheck(t.context(ACCOUNT, clients, AS_OF, "run-1", false));

        assertThat(t.gaps).hasSize(2).allSatisfy(g -> {
            assertThat(g.operation()).isEqualTo("GetCostAndUsage");
            assertThat(g.errorClass()).isEqualTo(ErrorClass.ACCESS_DENIED);
            assertThat(g.info()).isFalse();
            assertThat(g.remedy()).contains("Grant the IAM action");
            assertThat(g.message()).contains("ce:GetCostAndUsage");
        });
        // unknown is not "off": no spike, no anomaly, and no forecast finding without the month to date
        assertThat(r.items()).isEqualTo(1);
        assertThat(r.snapshot().months()).isEmpty();
        assertThat(r.snapshot().forecast()).isNotNull();
        assertThat(r.findings()).isEmpty();
    }

    @Test
    void limitExceededIsRetriedBySdkThenAThrottledGap() {
        stubMonthlyAndDaily();
        wm.stubFor(ce(FORECAST).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(error("LimitExceededException", "You have exceeded the rate limit."))
                .willSetStateTo("ok"));
        wm.stubFor(ce(FORECAST).inScenario("throttle").whenScenarioStateIs("ok").willReturn(ok(FORECAST_BODY)));
        CostTestSupport.Result r = t.readAndCheck(t.context(ACCOUNT, clients, AS_OF, "run-1", false));
        assertThat(t.gaps).isEmpty();
        assertThat(r.findings()).extracting(Finding::checkId).contains("cost.forecast_over_budget");
        wm.verify(2, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(FORECAST)));

        wm.resetAll();
        stubMonthlyAndDaily();
        wm.stubFor(ce(FORECAST).willReturn(error("LimitExceededException", "You have exceeded the rate limit.")));
        t.readAndCheck(t.context(ACCOUNT, clients, AS_OF, "run-2", true));
        assertThat(t.gaps).singleElement().satisfies(g -> {
            assertThat(g.operation()).isEqualTo("GetCostForecast");
            assertThat(g.errorClass()).isEqualTo(ErrorClass.THROTTLED);
        });
    }

    @Test
    void malformedAnswerAndServerErrorsAreGaps() {
        wm.stubFor(ce(CAU).willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON)
                .withBody("{\"ResultsByTime\": [{\"TimePeriod\": {\"Start\": \"not-a-date\", \"End\": \"x\"}}]}")));
        wm.stubFor(ce(FORECAST).willReturn(AwsTemplate.of("json/error.json").answer(503, JSON,
                "type", "ServiceUnavailableException", "message", "try later")));
        CostTestSupport.Result r = t.readAndCheck(t.context(ACCOUNT, clients, AS_OF, "run-1", false));
        assertThat(r.findings()).isEmpty();
        assertThat(t.gaps).extracting(g -> g.operation() + " " + g.errorClass())
                .containsExactlyInAnyOrder("GetCostAndUsage MALFORMED_RESPONSE", "GetCostAndUsage MALFORMED_RESPONSE",
                        "GetCostForecast SERVICE_ERROR");
    }

    @Test
    void payerAccountFiltersOnLinkedAccount() {
        t = new CostTestSupport(new CostProperties("AmortizedCost", "999999999999"));
        wm.stubFor(ce(CAU).willReturn(ok(AwsTemplate.of("ce/get-cost-and-usage-by-service.json").fill("results", ""))));
        wm.stubFor(ce(FORECAST).willReturn(ok(FORECAST_BODY.replace("UnblendedCost", "AmortizedCost"))));
        t.readAndCheck(t.context(ACCOUNT, clients, AS_OF, "run-1", false));
        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(CAU))
                .withRequestBody(matchingJsonPath("$.Metrics[0]", equalTo("AmortizedCost")))
                .withRequestBody(matchingJsonPath("$.Filter.Dimensions.Key", equalTo("LINKED_ACCOUNT")))
                .withRequestBody(matchingJsonPath("$.Filter.Dimensions.Values[0]", equalTo("123456789012"))));
        // the daily series: the audited account and not the lump-sum record types
        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(CAU))
                .withRequestBody(matchingJsonPath("$.Metrics[0]", equalTo("AmortizedCost")))
                .withRequestBody(matchingJsonPath("$.Filter.And[0].Dimensions.Values[0]", equalTo("123456789012")))
                .withRequestBody(matchingJsonPath("$.Filter.And[1].Not.Dimensions.Key", equalTo("RECORD_TYPE"))));
        wm.verify(1, postRequestedFor(urlEqualTo("/")).withHeader(TARGET, equalTo(FORECAST))
                .withRequestBody(matchingJsonPath("$.Metric", equalTo("AMORTIZED_COST")))
                .withRequestBody(matchingJsonPath("$.Filter.Dimensions.Values[0]", equalTo("123456789012"))));
    }

    @Test
    void costsSheetAndFactsComeFromWhatTheRunStored() throws Exception {
        stubAll();
        t.readAndCheck(t.context(ACCOUNT, clients, AS_OF, "run-1", false));
        wm.resetAll(); // the sheet must not ask AWS
        ReportScope scope = new ReportScope("run-1", "all", List.of(ACCOUNT), AS_OF, false);

        Path file = tmp.resolve("costs.xlsx");
        try (ReportWorkbook wb = new ReportWorkbook(new SXSSFWorkbook(100))) {
            new CostsSheet(t.facts).contribute(wb, scope);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.poi().write(out);
            }
        }
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(file))) {
            XSSFSheet sheet = book.getSheet("Costs");
            assertThat(sheet).isNotNull();
            Row header = rowStartingWith(sheet, "Service");
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("2026-05");
            assertThat(header.getCell(7).getStringCellValue()).isEqualTo("2026-10");
            assertThat(header.getCell(8).getStringCellValue()).isEqualTo("2026-11 to date");
            assertThat(header.getCell(9).getStringCellValue()).isEqualTo("Change (USD)");
            // services sorted by last month's cost
            int first = header.getRowNum() + 1;
            assertThat(List.of(text(sheet, first, 0), text(sheet, first + 1, 0), text(sheet, first + 2, 0)))
                    .containsExactly(EC2, S3, "Tax");
            Row ec2 = sheet.getRow(first);
            assertThat(ec2.getCell(6).getNumericCellValue()).isEqualTo(1000.12, Offset.offset(0.005));
            assertThat(ec2.getCell(7).getNumericCellValue()).isEqualTo(1500.50, Offset.offset(0.005));
            assertThat(ec2.getCell(8).getNumericCellValue()).isEqualTo(700.10, Offset.offset(0.005));
            assertThat(ec2.getCell(9).getNumericCellValue()).isEqualTo(500.38, Offset.offset(0.005));
            assertThat(ec2.getCell(10).getNumericCellValue()).isEqualTo(0.50031, Offset.offset(0.0001));
            assertThat(sheet.getRow(first + 1).getCell(10).getStringCellValue()).isEqualTo("n/a");
            Row total = rowStartingWith(sheet, "Total (USD)");
            assertThat(total.getCell(7).getNumericCellValue()).isEqualTo(1632.50, Offset.offset(0.005));
            Row estimated = rowStartingWith(sheet, "Estimated (Cost Explorer may still revise)");
            assertThat(estimated.getCell(7).getStringCellValue()).isEqualTo("No");
            assertThat(estimated.getCell(8).getStringCellValue()).isEqualTo("Yes");
            assertThat(rowStartingWith(sheet, "Month-end forecast").getCell(2).getNumericCellValue())
                    .isEqualTo(1155.65, Offset.offset(0.005));
            assertThat(rowStartingWith(sheet, "Forecast minus budget").getCell(2).getNumericCellValue())
                    .isEqualTo(155.65, Offset.offset(0.005));
            Row dayHeader = rowStartingWith(sheet, "Day");
            Row lastDay = sheet.getRow(dayHeader.getRowNum() + 30);
            assertThat(lastDay.getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 14));
            Row anomaly = sheet.getRow(dayHeader.getRowNum() + 26);
            assertThat(anomaly.getCell(2).getNumericCellValue()).isEqualTo(180.25);
            assertThat(anomaly.getCell(3).getStringCellValue()).isEqualTo("Yes");

            List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(2);
            assertThat(charts.get(0).getTitleText().getString()).isEqualTo("Monthly cost by service (USD)");
            assertThat(charts.get(0).getChartSeries().get(0).getSeriesCount()).isEqualTo(3);
            assertThat(charts.get(0).getCTChart().getPlotArea().getBarChartArray(0).getGrouping().getVal().toString())
                    .isEqualTo("stacked");
            assertThat(charts.get(0).getCTChart().getPlotArea().getBarChartArray(0).xmlText()).contains("overlap val=\"100\"");
            assertThat(charts.get(1).getCTChart().getPlotArea().getLineChartArray()).hasSize(1);
            assertThat(charts.get(1).getChartSeries().get(0).getSeries(0).getValuesData().getPointCount()).isEqualTo(30);
        }
        assertThat(ceRequests()).isZero();

        List<AccountFacts.Fact> facts = t.facts.facts(ACCOUNT.id(), scope);
        assertThat(facts).extracting(AccountFacts.Fact::label).containsExactly("Month to date (USD)", "Last month (USD)",
                "Change vs month before (USD)", "Change vs month before (%)", "Month-end forecast (USD)", "Monthly budget (USD)");
        assertThat((BigDecimal) facts.get(0).value()).isEqualByComparingTo("755.65");
        assertThat((BigDecimal) facts.get(1).value()).isEqualByComparingTo("1632.5000000001");
        assertThat((BigDecimal) facts.get(2).value()).isEqualByComparingTo("622.3765432400");
        // a percentage stays a number (the Summary formats it as %), printed as text only by the email
        assertThat(facts.get(3).value()).isInstanceOfSatisfying(AccountFacts.Ratio.class, r -> {
            assertThat(r.fraction()).isCloseTo(new BigDecimal("0.616"), Offset.offset(new BigDecimal("0.001")));
            assertThat(r).hasToString("61.6 %");
        });
        assertThat((BigDecimal) facts.get(4).value()).isEqualByComparingTo("1155.65");
        assertThat((BigDecimal) facts.get(5).value()).isEqualByComparingTo("1000");
    }

    private static Row rowStartingWith(XSSFSheet sheet, String text) {
        for (Row r : sheet) {
            if (r.getCell(0) != null && r.getCell(0).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                    && r.getCell(0).getStringCellValue().equals(text)) {
                return r;
            }
        }
        throw new AssertionError("no row starting with " + text);
    }

    private static String text(XSSFSheet sheet, int row, int col) {
        return sheet.getRow(row).getCell(col).getStringCellValue();
    }
}
