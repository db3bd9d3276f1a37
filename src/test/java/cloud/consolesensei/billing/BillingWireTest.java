package cloud.consolesensei.billing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsSettings;
import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.aws.SdkAwsClients;
import cloud.consolesensei.coverage.CoverageGap;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.WireTest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.budgets.model.Budget;

/**
 * Real SDK, real HTTP: WireMock answers AWS Budgets ({@code DescribeBudgets}, AWS JSON 1.1, {@code
 * X-Amz-Target: AWSBudgetServiceGateway.DescribeBudgets}) and the AWS Invoicing API ({@code
 * ListInvoiceSummaries}, AWS JSON 1.0, {@code X-Amz-Target: Invoicing.ListInvoiceSummaries}) with bodies
 * shaped as their API references document them (files under {@code src/test/resources/aws/}), Cost
 * Explorer the months without tax; the Billing sheet is then written and read back with POI.
 */
@WireTest
class BillingWireTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 15);
    private static final AccountTarget ACCOUNT = new AccountTarget("123456789012", "wire-account", null, null,
            List.of("us-east-1"), List.of(), null, List.of());
    private static final String BUDGETS = "AWSBudgetServiceGateway.DescribeBudgets";
    private static final String INVOICES = "Invoicing.ListInvoiceSummaries";
    private static final String CAU = "AWSInsightsIndexService.GetCostAndUsage";

    private AwsWire wire;
    private SdkAwsClients clients;

    @TempDir
    Path tmp;

    @BeforeEach
    void start() {
        wire = AwsWire.withJournal();
        AwsSettings s = AwsSettings.defaults();
        clients = new SdkAwsClients(new AwsSettings(s.retryMode(), 2, 2, 2, Duration.ofSeconds(2), Duration.ofSeconds(5),
                s.roleSessionDuration(), s.stsHomeRegion(), Duration.ofMillis(10)));
    }

    @AfterEach
    void stop() {
        clients.close();
        wire.close();
    }

    private static String file(String path) throws IOException {
        try (InputStream in = BillingWireTest.class.getResourceAsStream("/aws/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static MappingBuilder json(String target, String protocol) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target))
                .withHeader("Content-Type", equalTo("application/x-amz-json-" + protocol));
    }

    private static ResponseDefinitionBuilder ok(String protocol, String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-" + protocol).withBody(body);
    }

    private void stubBudgets() throws IOException {
        wire.stub(json(BUDGETS, "1.1").withRequestBody(notContaining("NextToken")).willReturn(ok("1.1", file("budgets/describe-budgets-page-1.json"))));
        wire.stub(json(BUDGETS, "1.1").withRequestBody(matchingJsonPath("$.NextToken", equalTo("AQICAHhBudgetsPage2")))
                .willReturn(ok("1.1", file("budgets/describe-budgets-page-2.json"))));
    }

    private void stubInvoices() throws IOException {
        wire.stub(json(INVOICES, "1.0").withRequestBody(notContaining("NextToken"))
                .willReturn(ok("1.0", file("invoicing/list-invoice-summaries-page-1.json"))));
        wire.stub(json(INVOICES, "1.0").withRequestBody(matchingJsonPath("$.NextToken", equalTo("eyJwYWdlIjoyfQ==")))
                .willReturn(ok("1.0", file("invoicing/list-invoice-summaries-page-2.json"))));
        wire.stub(json(CAU, "1.1").willReturn(ok("1.1", file("ce/get-cost-and-usage-months-without-tax.json"))));
    }

    @Test
    void budgetsOfEveryKindOverTwoPages() throws Exception {
        stubBudgets();
        BillingTestSupport t = new BillingTestSupport(id -> null);
        List<Budget> items = new ArrayList<>();

        List<Finding> findings = t.audit(t.budgets, t.context(ACCOUNT, clients, AS_OF), items);

        assertThat(t.gaps).isEmpty();
        assertThat(items).extracting(Budget::budgetName).containsExactly("monthly-over", "quarterly-planned", "ec2-hours",
                "migration-ended", "no-spend-yet", "daily-at-limit", "planned-missing-period", "annual-eur");
        assertThat(findings).extracting(f -> f.checkId() + " " + f.resourceId() + " " + f.region() + " " + f.severity()
                        + " " + f.service() + " " + f.monthlyCostUsd())
                .containsExactlyInAnyOrder(
                        "billing.budget_exceeded monthly-over global HIGH budgets 250.50",
                        "billing.budget_forecast_exceeded quarterly-planned global MEDIUM budgets 1500.25",
                        "billing.budget_exceeded annual-eur global HIGH budgets null");
        assertThat(findings).filteredOn(f -> f.resourceId().equals("annual-eur")).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("20,500.00 EUR", "20,000.00 EUR", "not in USD"));
        assertThat(findings).filteredOn(f -> f.resourceId().equals("quarterly-planned")).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("QUARTERLY period 2026-Q4", "30,000.00 USD"));
        wire.server().verify(2, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(BUDGETS))
                .withRequestBody(matchingJsonPath("$.AccountId", equalTo("123456789012"))));

        List<BudgetRow> rows = new ArrayList<>();
        t.store.forEach("run-1", BudgetRow.ROWS, List.of(ACCOUNT.id()), r -> rows.add(BudgetRow.from(r)));
        assertThat(rows).extracting(r -> r.name() + " " + r.status()).containsExactly(
                "annual-eur EXCEEDED", "daily-at-limit OK", "ec2-hours NOT_EVALUATED", "migration-ended NOT_EVALUATED",
                "monthly-over EXCEEDED", "no-spend-yet NOT_EVALUATED", "planned-missing-period NOT_EVALUATED",
                "quarterly-planned FORECAST_EXCEEDED");
    }

    @Test
    void invoicesOverTwoPagesInTwoCurrenciesWithACreditMemoAndTheBillingSheet() throws Exception {
        stubBudgets();
        stubInvoices();
        BillingTestSupport t = new BillingTestSupport(id -> null);
        t.audit(t.budgets, t.context(ACCOUNT, clients, AS_OF), new ArrayList<>());
        List<InvoiceRow> items = new ArrayList<>();

        List<Finding> findings = t.audit(t.invoices, t.context(ACCOUNT, clients, AS_OF), items);

        assertThat(findings).isEmpty();
        assertThat(t.gaps).isEmpty();
        // 2025-10 and 2026-11 are outside the 12 complete billing periods before the as-of month
        assertThat(items).hasSize(14).allSatisfy(r -> assertThat(r.period()).isBetween(YearMonth.of(2025, 11), YearMonth.of(2026, 10)));
        InvoiceRow memo = items.stream().filter(InvoiceRow::creditMemo).findFirst().orElseThrow();
        assertThat(memo.originalInvoiceId()).isEqualTo("2026080001");
        assertThat(memo.beforeTax()).isEqualByComparingTo("-150.00");
        InvoiceRow paidInEur = items.stream().filter(r -> r.invoiceId().equals("2026010001")).findFirst().orElseThrow();
        assertThat(paidInEur.paysInOtherCurrency()).isTrue();
        assertThat(paidInEur.paymentCurrency()).isEqualTo("EUR");
        assertThat(paidInEur.paymentTotal()).isEqualByComparingTo("1007.96");
        assertThat(paidInEur.issued()).isEqualTo(LocalDate.of(2026, 2, 2));
        assertThat(paidInEur.due()).isEqualTo(LocalDate.of(2026, 3, 4));
        wire.server().verify(2, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(INVOICES))
                .withRequestBody(matchingJsonPath("$.Selector.ResourceType", equalTo("ACCOUNT_ID")))
                .withRequestBody(matchingJsonPath("$.Selector.Value", equalTo("123456789012"))));
        // one Cost Explorer request for the months with invoices, Tax left out
        wire.server().verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(CAU))
                .withRequestBody(equalToJson("""
                        {"TimePeriod": {"Start": "2025-11-01", "End": "2026-11-01"}, "Granularity": "MONTHLY",
                         "Metrics": ["UnblendedCost"],
                         "Filter": {"Not": {"Dimensions": {"Key": "RECORD_TYPE", "Values": ["Tax"]}}}}""")));

        Path xlsx = t.workbook(tmp, List.of(ACCOUNT), AS_OF, false);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            XSSFSheet s = wb.getSheet(BillingSheet.SHEET);
            DataFormatter f = new DataFormatter();
            Row head = row(s, f, "Account ID", 0);
            assertThat(texts(head, f)).containsExactlyElementsOf(BillingSheet.INVOICE_HEADER);
            Row eur = row(s, f, "2026010001", 3);
            assertThat(texts(eur, f)).containsExactly("123456789012", "wire-account", "2026-01", "2026010001", "Invoice",
                    "Amazon Web Services, Inc.", "2026-02-02", "2026-03-04", "$1,020.00", "$1,101.60", "USD", "EUR",
                    "1,007.96", "");
            assertThat(eur.getCell(8).getNumericCellValue()).isEqualTo(1020.00);
            assertThat(eur.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("\"$\"#,##0.00");
            assertThat(eur.getCell(12).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(eur.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            Row credit = row(s, f, "2026080002", 3);
            assertThat(f.formatCellValue(credit.getCell(4))).isEqualTo("Credit memo");
            assertThat(f.formatCellValue(credit.getCell(13))).isEqualTo("2026080001");
            assertThat(credit.getCell(8).getNumericCellValue()).isEqualTo(-150.00);
            // a USD invoice paid in USD shows no payment currency
            assertThat(f.formatCellValue(row(s, f, "2026030001", 3).getCell(11))).isEmpty();
            Row emea = row(s, f, "EUINIE26-000123", 3);
            assertThat(f.formatCellValue(emea.getCell(10))).isEqualTo("EUR");
            assertThat(f.formatCellValue(emea.getCell(9))).isEqualTo("96.00");

            // month totals: one column per currency, never added together
            Row monthHead = row(s, f, "Month", 0);
            assertThat(texts(monthHead, f)).containsExactly("Month", "Invoiced (EUR)", "Invoiced (USD)");
            Row october = row(s, f, "2026-10", 0);
            assertThat(october.getCell(1).getNumericCellValue()).isEqualTo(96.00);
            assertThat(october.getCell(2).getNumericCellValue()).isEqualTo(1198.80);
            Row august = row(s, f, "2026-08", 0);
            assertThat(august.getCell(2).getNumericCellValue()).isEqualTo(1177.20 - 162.00, offset(1e-9));
            List<XSSFChart> charts = s.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(1);
            var bar = charts.get(0).getCTChart().getPlotArea().getBarChartArray(0);
            assertThat(bar.getSerList()).hasSize(2);
            assertThat(bar.getSerArray(0).getSpPr().getSolidFill().getSrgbClr().getVal()).containsExactly(0x1F, 0x77, (byte) 0xB4);
            assertThat(bar.getSerArray(1).getSpPr().getSolidFill().getSrgbClr().getVal()).containsExactly((byte) 0xFF, 0x7F, 0x0E);
            assertThat(bar.getSerArray(1).getVal().getNumRef().getF()).isEqualTo("Billing!$C$" + (monthHead.getRowNum() + 2)
                    + ":$C$" + (monthHead.getRowNum() + 13));

            // budgets: % used as a number in % format, conditional colours
            Row over = row(s, f, "monthly-over", 2);
            assertThat(texts(over, f).subList(2, 12)).containsExactly("monthly-over", "COST", "MONTHLY", "2026-11",
                    "$1,000.00", "$1,250.50", "$2,100.00", "USD", "125.1%", "Exceeded");
            assertThat(over.getCell(10).getNumericCellValue()).isEqualTo(1.2505);
            assertThat(over.getCell(10).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(f.formatCellValue(row(s, f, "annual-eur", 2).getCell(7))).isEqualTo("20,500.00");
            assertThat(f.formatCellValue(row(s, f, "daily-at-limit", 2).getCell(11))).isEqualTo("OK");
            assertThat(s.getSheetConditionalFormatting().getNumConditionalFormattings()).isEqualTo(5);

            // reconciliation: the same account and month, before tax, USD against USD only
            Row march = row(s, f, "2026-03", 2, "Cost Explorer (without tax)");
            assertThat(texts(march, f).subList(2, 10)).containsExactly("2026-03", "USD", "1", "$1,040.00", "$1,045.50", "USD",
                    "-$5.50", "-0.5%");
            Row aug = row(s, f, "2026-08", 2, "Cost Explorer (without tax)");
            assertThat(aug.getCell(4).getNumericCellValue()).isEqualTo(2);
            assertThat(aug.getCell(8).getNumericCellValue()).isEqualTo(-150.00);
            Row octEur = rows(s, f, "2026-10", 2, "Cost Explorer (without tax)").stream()
                    .filter(r -> f.formatCellValue(r.getCell(3)).equals("EUR")).findFirst().orElseThrow();
            assertThat(f.formatCellValue(octEur.getCell(8))).isEmpty();
            assertThat(f.formatCellValue(octEur.getCell(10))).contains("different currencies are not compared");
        }
    }

    @Test
    void accessDeniedWithTheOwnCredentialsIsAnInformationalGapNamingThePayerSetting() throws Exception {
        wire.stub(json(INVOICES, "1.0").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.0").withHeader("x-amzn-RequestId", "req-denied-1")
                .withBody(file("invoicing/access-denied.json"))));
        BillingTestSupport t = new BillingTestSupport(id -> null);
        List<InvoiceRow> items = new ArrayList<>();

        t.audit(t.invoices, t.context(ACCOUNT, clients, AS_OF), items);

        assertThat(items).isEmpty();
        assertThat(t.gaps).singleElement().satisfies(g -> {
            assertThat(g.service()).isEqualTo("invoicing");
            assertThat(g.operation()).isEqualTo("ListInvoiceSummaries");
            assertThat(g.region()).isEqualTo("global");
            assertThat(g.errorClass()).isEqualTo(ErrorClass.ACCESS_DENIED);
            assertThat(g.info()).isTrue();
            assertThat(g.message()).contains("not the paying account", "AccessDeniedException");
            assertThat(g.remedy()).contains("consolesensei.cost.payer-account").isEqualTo(CoverageGap.NOT_PAYER_REMEDY);
        });
        wire.server().verify(0, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(CAU)));
    }

    @Test
    void accessDeniedThroughThePayerIsAnOrdinaryGap() throws Exception {
        wire.stub(json(INVOICES, "1.0").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.0").withBody(file("invoicing/access-denied.json"))));
        AccountTarget payer = new AccountTarget("999999999999", "payer", null, null, List.of("us-east-1"), List.of(), null, List.of());
        BillingTestSupport t = new BillingTestSupport(id -> payer);

        t.audit(t.invoices, t.context(ACCOUNT, clients, AS_OF), new ArrayList<>());

        assertThat(t.gaps).singleElement().satisfies(g -> {
            assertThat(g.errorClass()).isEqualTo(ErrorClass.ACCESS_DENIED);
            assertThat(g.info()).isFalse();
            assertThat(g.remedy()).isEqualTo(ErrorClass.ACCESS_DENIED.remedy());
        });
        // the audited account is still the one selected
        wire.server().verify(1, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(INVOICES))
                .withRequestBody(matchingJsonPath("$.Selector.Value", equalTo("123456789012"))));
    }

    @Test
    void anAccountWithoutBudgetsIsNotAnError() {
        wire.stub(json(BUDGETS, "1.1").willReturn(ok("1.1", "{\"Budgets\": []}")));
        BillingTestSupport t = new BillingTestSupport(id -> null);
        List<Budget> items = new ArrayList<>();

        assertThat(t.audit(t.budgets, t.context(ACCOUNT, clients, AS_OF), items)).isEmpty();
        assertThat(items).isEmpty();
        assertThat(t.gaps).isEmpty();
    }

    private static List<String> texts(Row r, DataFormatter f) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.getLastCellNum(); i++) {
            Cell c = r.getCell(i);
            out.add(c == null ? "" : f.formatCellValue(c));
        }
        return out;
    }

    private static Row row(XSSFSheet s, DataFormatter f, String text, int col) {
        return rows(s, f, text, col, null).get(0);
    }

    private static Row row(XSSFSheet s, DataFormatter f, String text, int col, String afterHeader) {
        return rows(s, f, text, col, afterHeader).get(0);
    }

    /** Rows whose cell {@code col} shows {@code text}, below the header row holding {@code afterHeader} (if given). */
    private static List<Row> rows(XSSFSheet s, DataFormatter f, String text, int col, String afterHeader) {
        List<Row> out = new ArrayList<>();
        boolean past = afterHeader == null;
        for (Row r : s) {
            if (!past) {
                for (Cell c : r) if (f.formatCellValue(c).equals(afterHeader)) past = true;
                continue;
            }
            if (r.getCell(col) != null && f.formatCellValue(r.getCell(col)).equals(text)) out.add(r);
        }
        assertThat(out).as("rows with " + text).isNotEmpty();
        return out;
    }
}
