package cloud.consolesensei.cost;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.demo.DemoAwsClients;
import cloud.consolesensei.demo.DemoEstate;
import cloud.consolesensei.finding.Finding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo estate makes every cost check fire, whatever the as-of date, and leaves clean figures too. */
class CostDemoTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-29", "2026-12-01", "2026-12-02", "2027-01-06", "2027-03-31", "2028-02-29"})
    void everyCostCheckFiresAndCleanAccountsStayClean(String date) {
        LocalDate asOf = LocalDate.parse(date);
        CostTestSupport t = new CostTestSupport(CostProperties.defaults());
        DemoAwsClients clients = new DemoAwsClients(asOf);
        Map<String, List<String>> byAccount = new java.util.HashMap<>();
        for (AccountTarget a : DemoEstate.ACCOUNTS) {
            CostTestSupport.Result r = t.readAndCheck(t.context(a, clients, asOf, "demo", false));
            assertThat(r.snapshot().months()).hasSize(6);
            assertThat(r.snapshot().days()).hasSize(42);
            assertThat(r.snapshot().forecast()).isNotNull();
            byAccount.put(a.id(), r.findings().stream().map(f -> f.checkId() + " " + f.resourceId()).toList());
        }
        assertThat(t.gaps).isEmpty();
        // GetCostAndUsage pages: 2 monthly (or 1 on the first of a month: 6 periods still 2 pages) + 2 daily + 1 forecast each
        assertThat(t.usage.requests("demo")).isEqualTo(10);

        assertThat(byAccount.get(DemoEstate.PRODUCTION.id())).containsExactlyInAnyOrder(
                "cost.service_spike Amazon Elastic Compute Cloud - Compute",
                "cost.daily_anomaly " + asOf.minusDays(5));
        assertThat(byAccount.get(DemoEstate.STAGING.id())).containsExactlyInAnyOrder(
                "cost.service_spike Amazon SageMaker",
                "cost.forecast_over_budget " + DemoEstate.STAGING.id());

        // read again: nothing asked
        for (AccountTarget a : DemoEstate.ACCOUNTS) t.readAndCheck(t.context(a, clients, asOf, "demo-2", false));
        assertThat(t.usage.requests("demo-2")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-02"})
    void lumpSumsStayInTheMonthToDateAndOutOfTheDailySeries(String date) {
        LocalDate asOf = LocalDate.parse(date);
        CostTestSupport t = new CostTestSupport(CostProperties.defaults());
        DemoAwsClients clients = new DemoAwsClients(asOf);
        CostSnapshot staging = t.readAndCheck(t.context(DemoEstate.STAGING, clients, asOf, "demo", false)).snapshot();
        // 250 USD of tax booked on December 1st: in the month to date, not in the day's usage
        assertThat(staging.monthToDate().amount("Tax", "USD").amount()).isEqualByComparingTo("250");
        assertThat(staging.day(LocalDate.of(2026, 12, 1)).orElseThrow().usdTotal()).isLessThan(new BigDecimal("60"));
        CostSnapshot production = t.readAndCheck(t.context(DemoEstate.PRODUCTION, clients, asOf, "demo", false)).snapshot();
        // the Savings Plan's upfront fee on December 1st: in the month to date, not in the day's usage
        assertThat(production.monthToDate().amount("Savings Plans for AWS Compute usage", "USD").amount())
                .isEqualByComparingTo("300");
        assertThat(production.day(LocalDate.of(2026, 12, 1)).orElseThrow().usdTotal()).isLessThan(new BigDecimal("260"));
        assertThat(production.lastMonth().orElseThrow().usdTotal()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-29"})
    void demoFindingsCarryMoney(String date) {
        LocalDate asOf = LocalDate.parse(date);
        CostTestSupport t = new CostTestSupport(CostProperties.defaults());
        CostTestSupport.Result r = t.readAndCheck(t.context(DemoEstate.STAGING, new DemoAwsClients(asOf), asOf, "demo", false));
        Map<String, Finding> byCheck = r.findings().stream().collect(Collectors.toMap(Finding::checkId, x -> x));
        // SageMaker: 13.90 USD a day through October against a credit residue in September
        BigDecimal october = r.snapshot().lastMonth().orElseThrow().amount("Amazon SageMaker", "USD").amount();
        assertThat(october).isBetween(new BigDecimal("13.90").multiply(new BigDecimal("30.4")),
                new BigDecimal("13.90").multiply(new BigDecimal("31.6")));
        assertThat(byCheck.get("cost.service_spike").monthlyCostUsd())
                .isEqualByComparingTo(october.add(new BigDecimal("0.0000000289")).setScale(2, RoundingMode.HALF_UP));
        assertThat(byCheck.get("cost.forecast_over_budget").monthlyCostUsd()).isPositive();
    }
}
