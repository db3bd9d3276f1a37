package cloud.consolesensei.price;

import static cloud.consolesensei.ec2.Ec2TestSupport.readContext;
import static cloud.consolesensei.testkit.AwsWire.priceList;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsSettings;
import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.aws.SdkAwsClients;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.coverage.CoverageGap;
import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.WireTest;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * AWS Price List Query API GetProducts through the real SDK 2.40.2 client (JSON 1.1,
 * {@code X-Amz-Target: AWSPriceListService.GetProducts}, signed for us-east-1) against WireMock
 * serving the answers under {@code src/test/resources/aws/pricing/}, whose products include the
 * decoys a loose filter catches (Reserved terms, BYOL, pre-installed SQL Server, Dedicated,
 * capacity-reservation rows, another type); prices cached in a real database migrated by the
 * product's Flyway scripts.
 */
@WireTest
class PriceListWireTest {

    private static final String JSON = "application/x-amz-json-1.1";
    private static final AccountTarget ACCOUNT = new AccountTarget("123456789012", "wiremock", null, null,
            List.of("us-east-1"), List.of(), null, List.of());
    private static final AccountTarget OTHER = new AccountTarget("210987654321", "other", null, null,
            List.of("eu-west-1"), List.of(), null, List.of());
    private static final YearMonth NOV = YearMonth.of(2026, 11);

    private AwsWire aws;
    private SdkAwsClients clients;
    private PriceListCache cache;
    private final PriceListUsage usage = new PriceListUsage();
    private final List<CoverageGap> gaps = new ArrayList<>();

    @BeforeEach
    void start() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:prices-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        cache = new PriceListCache(JdbcClient.create(ds), new JdbcTransactionManager(ds));
        aws = AwsWire.withJournal();
        clients = new SdkAwsClients(AwsSettings.defaults());
        aws.stub(priceList("GetProducts").willReturn(AwsWire.fromFile("pricing/get-products-no-product.json", JSON)));
        aws.stub(type("m5.large").withRequestBody(notContaining("NextToken"))
                .willReturn(AwsWire.fromFile("pricing/get-products-m5-large-linux-page-1.json", JSON)));
        aws.stub(type("m5.large").withRequestBody(matchingJsonPath("$.NextToken", equalTo("eyJwYWdlIjogMn0=")))
                .willReturn(AwsWire.fromFile("pricing/get-products-m5-large-linux-page-2.json", JSON)));
        aws.stub(type("t3.large").willReturn(AwsWire.fromFile("pricing/get-products-t3-large-windows.json", JSON)));
        aws.stub(type("m6i.large").willReturn(AwsWire.fromFile("pricing/get-products-m6i-large-two-operations.json", JSON)));
    }

    @AfterEach
    void stop() {
        clients.close();
        aws.close();
    }

    @Test
    void theOnDemandPriceOfTheOneProductThatMatchesEveryFilterAmongDecoysOnTwoPages() {
        OnDemandPrice p = new PriceList(cache, usage).hourly(ctx(ACCOUNT), key("m5.large", "Linux"));

        assertThat(p.hourlyUsd()).isEqualByComparingTo("0.096");
        assertThat(p.monthlyUsd()).isEqualByComparingTo("70.08");
        assertThat(p.note()).isNull();
        assertThat(calls()).isEqualTo(2);
        // the SDK's JSON 1.1 request, signed for the Price List's us-east-1 endpoint, exact TERM_MATCH filters
        aws.server().verify(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AWSPriceListService.GetProducts"))
                .withHeader("Content-Type", equalTo("application/x-amz-json-1.1"))
                .withHeader("Authorization", matching(".*/us-east-1/pricing/aws4_request.*"))
                .withRequestBody(equalToJson("""
                        {"ServiceCode": "AmazonEC2", "FormatVersion": "aws_v1", "MaxResults": 100, "Filters": [
                          {"Type": "TERM_MATCH", "Field": "regionCode", "Value": "us-east-1"},
                          {"Type": "TERM_MATCH", "Field": "instanceType", "Value": "m5.large"},
                          {"Type": "TERM_MATCH", "Field": "operatingSystem", "Value": "Linux"},
                          {"Type": "TERM_MATCH", "Field": "tenancy", "Value": "Shared"},
                          {"Type": "TERM_MATCH", "Field": "preInstalledSw", "Value": "NA"},
                          {"Type": "TERM_MATCH", "Field": "licenseModel", "Value": "No License required"},
                          {"Type": "TERM_MATCH", "Field": "capacitystatus", "Value": "Used"}]}""")));
        assertThat(usage.calls("test")).isEqualTo(2);
        assertThat(gaps).isEmpty();
    }

    @Test
    void windowsIsTheLicenseIncludedProductNeverByolOrSqlServer() {
        OnDemandPrice p = new PriceList(cache, usage).hourly(ctx(ACCOUNT), key("t3.large", "Windows"));

        assertThat(p.hourlyUsd()).isEqualByComparingTo("0.1108");
    }

    @Test
    void productsThatDisagreeAreDecidedByTheOperatingSystemsOwnOperation() {
        assertThat(new PriceList(cache, usage).hourly(ctx(ACCOUNT), key("m6i.large", "Linux")).hourlyUsd())
                .isEqualByComparingTo("0.096");
    }

    @Test
    void aTypeThePriceListDoesNotKnowHasNoPriceAndSaysWhyAndIsAskedOnceAMonth() {
        OnDemandPrice p = new PriceList(cache, usage).hourly(ctx(ACCOUNT), key("z9.huge", "Linux"));

        assertThat(p.known()).isFalse();
        assertThat(p.monthlyUsd()).isNull();
        assertThat(p.note()).contains("no on-demand z9.huge Linux Shared in us-east-1").contains("monthly cost left empty");
        // next night's run, another account: the database answers
        assertThat(new PriceList(cache, usage).hourly(ctx(OTHER), key("z9.huge", "Linux")).note()).isEqualTo(p.note());
        assertThat(calls()).isEqualTo(1);
        assertThat(gaps).isEmpty();
    }

    @Test
    void aPriceIsAskedOnceAMonthForEveryAccountAndAgainNextMonth() {
        new PriceList(cache, usage).hourly(ctx(ACCOUNT), key("t3.large", "Windows"));
        PriceList nextRun = new PriceList(cache, usage);
        assertThat(nextRun.hourly(ctx(OTHER), key("t3.large", "Windows")).hourlyUsd()).isEqualByComparingTo("0.1108");
        assertThat(calls()).isEqualTo(1);
        assertThat(usage.cachedPrices("test")).isEqualTo(1);

        nextRun.hourly(ctx(OTHER), new PriceKey("us-east-1", "t3.large", "Windows", "Shared", NOV.plusMonths(1)));
        assertThat(calls()).isEqualTo(2);
    }

    @Test
    void aRefusedLookupIsAnInformationalGapAndTheAccountIsNotAskedAgainInTheRun() {
        aws.stub(priceList("GetProducts").atPriority(1).willReturn(AwsWire.errorFromFile(400, "pricing/access-denied.json", JSON)));
        PriceList prices = new PriceList(cache, usage);

        OnDemandPrice p = prices.hourly(ctx(ACCOUNT), key("m5.large", "Linux"));
        OnDemandPrice q = prices.hourly(ctx(ACCOUNT), key("t3.large", "Windows"));

        assertThat(p.known()).isFalse();
        assertThat(p.note()).contains("refused").contains("monthly cost left empty");
        assertThat(q.note()).isEqualTo(p.note());
        assertThat(calls()).isEqualTo(1);
        assertThat(gaps).singleElement().satisfies(g -> {
            assertThat(g.accountId()).isEqualTo("123456789012");
            assertThat(g.region()).isEqualTo("global");
            assertThat(g.service()).isEqualTo("pricing");
            assertThat(g.operation()).isEqualTo("GetProducts");
            assertThat(g.errorClass()).isEqualTo(ErrorClass.ACCESS_DENIED);
            assertThat(g.info()).isTrue();
        });
        assertThat(cache.find(key("m5.large", "Linux"))).isEmpty();
    }

    @Test
    void anEntryThatIsNotJsonIsAMalformedAnswerNotAPriceAndNotKept() {
        aws.stub(type("c7i.large").willReturn(AwsWire.fromFile("pricing/not-json-entry.json", JSON)));

        OnDemandPrice p = new PriceList(cache, usage).hourly(ctx(ACCOUNT), key("c7i.large", "Linux"));

        assertThat(p.known()).isFalse();
        assertThat(p.note()).contains("could not be read");
        assertThat(gaps).singleElement().satisfies(g -> {
            assertThat(g.errorClass()).isEqualTo(ErrorClass.MALFORMED_RESPONSE);
            assertThat(g.info()).isFalse();
        });
        assertThat(cache.find(key("c7i.large", "Linux"))).isEmpty();
    }

    private ReadContext ctx(AccountTarget account) {
        return readContext(clients, account, account.regions().get(0), gaps);
    }

    private static PriceKey key(String type, String os) {
        return new PriceKey("us-east-1", type, os, "Shared", NOV);
    }

    private static MappingBuilder type(String type) {
        return priceList("GetProducts").withRequestBody(matchingJsonPath("$.Filters[?(@.Field == 'instanceType' && @.Value == '"
                + type + "')]"));
    }

    private int calls() {
        return aws.server().findAll(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AWSPriceListService.GetProducts"))).size();
    }
}
