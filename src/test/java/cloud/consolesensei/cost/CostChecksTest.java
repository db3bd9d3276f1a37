package cloud.consolesensei.cost;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckSettings;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;
import cloud.consolesensei.price.PriceTable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The three cost checks at and around their thresholds (checks.md). */
class CostChecksTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 15);
    static final String ACCOUNT = "123456789012";
    static final String SVC = "Amazon Elastic Compute Cloud - Compute";

    static CheckSettings settings() {
        return CheckSettings.defaults(new CostModule(null, new CostExplorerUsage(), CostProperties.defaults()).definitions());
    }

    static CheckContext ctx(CheckSettings settings) {
        return new CheckContext(ACCOUNT, "acc", "global", AS_OF, settings, new PriceTable(Map.of(), "test", AS_OF));
    }

    static CostPeriod month(int back, boolean estimated, Map<String, String> usd) {
        LocalDate start = AS_OF.withDayOfMonth(1).minusMonths(back);
        Map<String, Money> m = new LinkedHashMap<>();
        usd.forEach((k, v) -> m.put(k, Money.parse(v, "USD")));
        return new CostPeriod(start, start.plusMonths(1), estimated, m);
    }

    static CostSnapshot snapshot(List<CostPeriod> months, CostPeriod mtd, List<CostPeriod> days, Money forecast,
                                 String budget) {
        return new CostSnapshot(ACCOUNT, CostMetric.UNBLENDED_COST, AS_OF, months, mtd, days, forecast,
                budget == null ? null : new BigDecimal(budget));
    }

    @Nested
    class ServiceSpike {
        private List<Finding> spike(String before, String last) {
            Map<String, String> prev = before == null ? Map.of() : Map.of(SVC, before);
            return spike(prev, Map.of(SVC, last), settings());
        }

        private List<Finding> spike(Map<String, String> prev, Map<String, String> last, CheckSettings settings) {
            CostSnapshot s = snapshot(List.of(month(2, false, prev), month(1, false, last)), null, List.of(), null, null);
            return new ServiceSpikeCheck().evaluate(s, ctx(settings));
        }

        @Test
        void exactly25PercentAnd100UsdFiresMedium() {
            List<Finding> f = spike("400", "500");
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.checkId()).isEqualTo("cost.service_spike");
                assertThat(x.resourceId()).isEqualTo(SVC);
                assertThat(x.region()).isEqualTo("global");
                assertThat(x.service()).isEqualTo("ce");
                assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
                assertThat(x.monthlyCostUsd()).isEqualByComparingTo("100.00");
                assertThat(x.detail()).contains("500.00 USD in 2026-10", "400.00 USD in 2026-09", "+25.0 %", "+100.00 USD");
            });
        }

        @Test
        void justUnder25PercentDoesNotFire() {
            assertThat(spike("1000", "1249.99")).isEmpty();
            assertThat(spike("1000", "1250")).hasSize(1);
        }

        @Test
        void increaseOf99_99UsdDoesNotFire() {
            assertThat(spike("100", "199.99")).isEmpty();
            assertThat(spike("100", "200.00")).singleElement()
                    .satisfies(x -> assertThat(x.monthlyCostUsd()).isEqualByComparingTo("100.00"));
        }

        @Test
        void highNeedsBoth100PercentAnd1000Usd() {
            assertThat(spike("1000", "2000")).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.HIGH));
            assertThat(spike("1000", "1999.99")).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.MEDIUM));
            assertThat(spike("5000", "7000")).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.MEDIUM));
            assertThat(spike("500", "1499.99")).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.MEDIUM));
        }

        @Test
        void zeroPreviousMonthFiresWhenItReaches100Usd() {
            assertThat(spike("0", "99.99")).isEmpty();
            assertThat(spike("0", "100")).singleElement().satisfies(x -> {
                assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
                assertThat(x.detail()).contains("from nothing");
            });
            assertThat(spike("0", "1000")).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(Severity.HIGH));
        }

        @Test
        void newServiceWithNoHistoryIsZeroNotAGap() {
            assertThat(spike(null, "150.25")).singleElement().satisfies(x -> {
                assertThat(x.monthlyCostUsd()).isEqualByComparingTo("150.25");
                assertThat(x.detail()).contains("0.00 USD in 2026-09");
            });
            assertThat(spike(null, "99.99")).isEmpty();
        }

        @Test
        void creditResidueBelowZeroCountsAsNothing() {
            assertThat(spike("-0.0000000289", "100")).singleElement().satisfies(x -> {
                assertThat(x.monthlyCostUsd()).isEqualByComparingTo("100.00");
                assertThat(x.detail()).contains("against -0.0000000289 USD in 2026-09", "from nothing");
            });
            assertThat(spike("-0.0000000289", "99.9999")).isEmpty();
            // A big credit the month before does not make 50 USD a spike: it must reach 100 USD.
            assertThat(spike("-500", "50")).isEmpty();
        }

        @Test
        void serviceThatVanishedOrFellDoesNotFire() {
            assertThat(spike(Map.of(SVC, "900"), Map.of(), settings())).isEmpty();
            assertThat(spike("900", "-12.5")).isEmpty();
        }

        @Test
        void unreadMonthMeansNoFinding() {
            CostSnapshot s = snapshot(List.of(month(1, false, Map.of(SVC, "5000"))), null, List.of(), null, null);
            assertThat(new ServiceSpikeCheck().evaluate(s, ctx(settings()))).isEmpty();
        }

        @Test
        void otherCurrencyIsNotComparedInUsd() {
            LocalDate start = AS_OF.withDayOfMonth(1).minusMonths(1);
            CostPeriod last = new CostPeriod(start, start.plusMonths(1), false, Map.of(SVC, Money.parse("5000", "EUR")));
            CostSnapshot s = snapshot(List.of(month(2, false, Map.of()), last), null, List.of(), null, null);
            assertThat(new ServiceSpikeCheck().evaluate(s, ctx(settings()))).isEmpty();
        }

        @Test
        void thresholdsAreConfigurable() {
            Map<String, Map<String, Object>> v = new HashMap<>(settings().values());
            Map<String, Object> spike = new HashMap<>(v.get(ServiceSpikeCheck.ID));
            spike.put("min-percent", new BigDecimal("50"));
            spike.put("min-increase-usd", new BigDecimal("10"));
            v.put(ServiceSpikeCheck.ID, spike);
            CheckSettings custom = new CheckSettings(java.util.Set.of(), v);
            assertThat(spike(Map.of(SVC, "100"), Map.of(SVC, "149.99"), custom)).isEmpty();
            assertThat(spike(Map.of(SVC, "100"), Map.of(SVC, "150"), custom)).hasSize(1);
        }

        @Test
        void estimatedLastMonthIsSaid() {
            CostSnapshot s = snapshot(List.of(month(2, false, Map.of(SVC, "100")), month(1, true, Map.of(SVC, "300"))),
                    null, List.of(), null, null);
            assertThat(new ServiceSpikeCheck().evaluate(s, ctx(settings()))).singleElement()
                    .satisfies(x -> assertThat(x.detail()).contains("(estimated)"));
        }
    }

    @Nested
    class ForecastOverBudget {
        private CostPeriod mtd(String usd) {
            LocalDate first = AS_OF.withDayOfMonth(1);
            return new CostPeriod(first, AS_OF, true, Map.of(SVC, Money.parse(usd, "USD"), "Tax", Money.parse("0", "USD")));
        }

        private List<Finding> eval(CostPeriod mtd, Money forecast, String budget) {
            return new ForecastOverBudgetCheck().evaluate(snapshot(List.of(), mtd, List.of(), forecast, budget), ctx(settings()));
        }

        @Test
        void aboveBudgetFiresHighWithTheExcess() {
            assertThat(eval(mtd("600"), Money.parse("400.01", "USD"), "1000")).singleElement().satisfies(x -> {
                assertThat(x.resourceId()).isEqualTo(ACCOUNT);
                assertThat(x.severity()).isEqualTo(Severity.HIGH);
                assertThat(x.monthlyCostUsd()).isEqualByComparingTo("0.01");
                assertThat(x.detail()).contains("1,000.01 USD", "month to date 600.00 USD, estimated", "forecast 400.01 USD",
                        "budget of 1,000.00 USD");
            });
        }

        @Test
        void atBudgetDoesNotFire() {
            assertThat(eval(mtd("600"), Money.parse("400", "USD"), "1000")).isEmpty();
        }

        @Test
        void noBudgetOrNoForecastIsNotEvaluated() {
            assertThat(eval(mtd("6000"), Money.parse("4000", "USD"), null)).isEmpty();
            assertThat(eval(mtd("6000"), null, "1000")).isEmpty();
            assertThat(eval(null, Money.parse("4000", "USD"), "1000")).isEmpty();
            assertThat(eval(mtd("6000"), Money.parse("4000", "EUR"), "1000")).isEmpty();
        }

        @Test
        void firstOfMonthUsesTheForecastAlone() {
            CostPeriod empty = new CostPeriod(AS_OF, AS_OF, false, Map.of());
            assertThat(eval(empty, Money.parse("1500.5", "USD"), "1500")).singleElement()
                    .satisfies(x -> assertThat(x.monthlyCostUsd()).isEqualByComparingTo("0.50"));
        }

        @Test
        void creditsInTheMonthToDateCount() {
            CostPeriod withCredit = new CostPeriod(AS_OF.withDayOfMonth(1), AS_OF, true,
                    Map.of(SVC, Money.parse("800", "USD"), "Credits", Money.parse("-300", "USD")));
            assertThat(eval(withCredit, Money.parse("600", "USD"), "1000")).singleElement()
                    .satisfies(x -> assertThat(x.monthlyCostUsd()).isEqualByComparingTo("100.00"));
        }
    }

    @Nested
    class DailyAnomaly {
        /** 28 baseline days from {@code base} (cycled), then 14 judged days of {@code judged}. */
        private CostSnapshot days(List<String> base, Map<Integer, String> judgedOverrides, String judgedDefault) {
            List<CostPeriod> out = new ArrayList<>();
            LocalDate d = AS_OF.minusDays(42);
            for (int i = 0; i < 42; i++, d = d.plusDays(1)) {
                String v = i < 28 ? base.get(i % base.size()) : judgedOverrides.getOrDefault(i - 28, judgedDefault);
                out.add(new CostPeriod(d, d.plusDays(1), i >= 35, Map.of(CostPeriod.TOTAL, Money.parse(v, "USD"))));
            }
            return snapshot(List.of(), null, out, null, null);
        }

        private List<Finding> eval(CostSnapshot s) {
            return new DailyAnomalyCheck().evaluate(s, ctx(settings()));
        }

        @Test
        void flatBaselineNeedsMoreThan50UsdAboveTheMean() {
            assertThat(eval(days(List.of("100"), Map.of(5, "150"), "100"))).isEmpty();
            assertThat(eval(days(List.of("100"), Map.of(5, "150.01"), "100"))).singleElement().satisfies(x -> {
                assertThat(x.checkId()).isEqualTo("cost.daily_anomaly");
                assertThat(x.resourceId()).isEqualTo(AS_OF.minusDays(14 - 5).toString());
                assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
                assertThat(x.monthlyCostUsd()).isEqualByComparingTo("1500.30");
            });
        }

        @Test
        void populationStandardDeviationIsUsed() {
            // 80/120 alternating: mean 100, population sd 20 (sample sd would be 20.37): limit 160.
            List<String> base = List.of("80", "120");
            assertThat(eval(days(base, Map.of(0, "160"), "100"))).isEmpty();
            assertThat(eval(days(base, Map.of(10, "160.5"), "100"))).singleElement().satisfies(x -> {
                assertThat(x.resourceId()).isEqualTo("2026-11-11");
                assertThat(x.monthlyCostUsd()).isEqualByComparingTo("1815.00");
                assertThat(x.detail()).contains("160.50 USD", "mean of the 28 days", "standard deviation 20.00 USD",
                        "limit 160.00 USD", "(estimated)");
            });
        }

        @Test
        void aboveSigmaButNotFarEnoughAboveTheMeanDoesNotFire() {
            // mean 10, sd 1: 60 is 50 sigma above but only 50 USD above the mean.
            assertThat(eval(days(List.of("9", "11"), Map.of(3, "60"), "10"))).isEmpty();
            assertThat(eval(days(List.of("9", "11"), Map.of(3, "60.01"), "10"))).hasSize(1);
        }

        @Test
        void oneFindingPerDayAndOnlyJudgedDays() {
            List<String> base = new ArrayList<>(java.util.Collections.nCopies(28, "100"));
            base.set(27, "100000");
            // the baseline outlier raises mean and sd, and is not judged itself
            assertThat(eval(days(base, Map.of(0, "400"), "100"))).isEmpty();
            assertThat(eval(days(List.of("100"), Map.of(0, "400", 13, "900"), "100")))
                    .extracting(Finding::resourceId).containsExactly("2026-11-01", "2026-11-14");
        }

        @Test
        void negativeDaysFromRefundsAreValues() {
            assertThat(eval(days(List.of("100", "-20"), Map.of(2, "300"), "40"))).singleElement()
                    .satisfies(x -> assertThat(x.resourceId()).isEqualTo("2026-11-03"));
        }

        @Test
        void missingDayMeansNotEvaluated() {
            CostSnapshot full = days(List.of("100"), Map.of(5, "900"), "100");
            List<CostPeriod> some = new ArrayList<>(full.days());
            some.remove(3);
            assertThat(eval(snapshot(List.of(), null, some, null, null))).isEmpty();
        }
    }
}
