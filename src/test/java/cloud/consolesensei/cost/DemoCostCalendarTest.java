package cloud.consolesensei.cost;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.demo.DemoAwsClients;
import cloud.consolesensei.demo.DemoEstate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.model.Dimension;
import software.amazon.awssdk.services.costexplorer.model.Expression;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageRequest;
import software.amazon.awssdk.services.costexplorer.model.Granularity;
import software.amazon.awssdk.services.costexplorer.model.ResultByTime;

/**
 * The demo's costs across month and year boundaries (issue 16, item 7): for any as-of date the 6
 * complete months are the 6 calendar months before it, each labelled as itself and different from its
 * neighbours; a month is the sum of its days, the month to date the sum of the as-of month's days, the
 * forecast the rest of the month at the same pace; and a demo run with a later as-of date never keeps a
 * month an earlier run told differently.
 */
class DemoCostCalendarTest {

    private static final Expression USAGE_ONLY = Expression.builder().not(Expression.builder()
            .dimensions(d -> d.key(Dimension.RECORD_TYPE).values(CostExplorerReader.LUMP_SUM_RECORD_TYPES)).build()).build();

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-30", "2026-12-01", "2026-12-31", "2027-01-01", "2027-03-01", "2028-02-29",
            "2028-03-01"})
    void monthsAreTheCalendarMonthsBeforeTheAsOfDateAndAgreeWithTheDays(String date) {
        LocalDate asOf = LocalDate.parse(date);
        LocalDate first = asOf.withDayOfMonth(1);
        CostTestSupport t = new CostTestSupport(CostProperties.defaults());
        DemoAwsClients clients = new DemoAwsClients(asOf);
        for (AccountTarget a : DemoEstate.ACCOUNTS) {
            CostSnapshot s = t.readAndCheck(t.context(a, clients, asOf, "demo", true)).snapshot();

            assertThat(s.months()).extracting(CostPeriod::start)
                    .containsExactly(first.minusMonths(6), first.minusMonths(5), first.minusMonths(4),
                            first.minusMonths(3), first.minusMonths(2), first.minusMonths(1));
            assertThat(s.months()).allSatisfy(m -> {
                assertThat(m.end()).isEqualTo(m.start().plusMonths(1));
                assertThat(m.estimated()).isFalse();
            });
            Set<BigDecimal> totals = new HashSet<>();
            s.months().forEach(m -> totals.add(m.usdTotal().stripTrailingZeros()));
            assertThat(totals).as("6 different month totals of %s as of %s", a.id(), asOf).hasSize(6);

            // the month to date: the as-of month's days before the as-of date (none on the first)
            assertThat(s.monthToDate().start()).isEqualTo(first);
            assertThat(s.monthToDate().end()).isEqualTo(asOf);
            if (asOf.equals(first)) assertThat(s.monthToDate().amounts()).isEmpty();

            // the same usage, asked MONTHLY and DAILY: each month (and the month to date) is the sum of its days
            CostExplorerClient ce = clients.costExplorer(a);
            LocalDate from = first.minusMonths(6);
            Map<LocalDate, BigDecimal> monthly = totals(ce, Granularity.MONTHLY, from, asOf.plusDays(1));
            Map<YearMonth, BigDecimal> dailyByMonth = new TreeMap<>();
            totals(ce, Granularity.DAILY, from, asOf.plusDays(1))
                    .forEach((day, v) -> dailyByMonth.merge(YearMonth.from(day), v, BigDecimal::add));
            assertThat(monthly).hasSize(7);
            monthly.forEach((start, v) -> assertThat(v).as("%s of %s", start, a.id())
                    .isEqualByComparingTo(dailyByMonth.get(YearMonth.from(start))));
            // the snapshot's daily series is that same usage
            for (CostPeriod day : s.days()) {
                assertThat(day.usdTotal()).as(day.start().toString())
                        .isEqualByComparingTo(totals(ce, Granularity.DAILY, day.start(), day.end()).get(day.start()));
            }

            // the forecast: the rest of the month at the as-of month's pace, tax included
            BigDecimal rest = totals(ce, Granularity.DAILY, asOf, first.plusMonths(1), null).values().stream()
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(s.forecast().amount()).isEqualByComparingTo(rest);
        }
        assertThat(t.gaps).isEmpty();
    }

    @Test
    void aLaterAsOfDateDoesNotKeepTheEarlierRunsMonths() {
        CostTestSupport t = new CostTestSupport(CostProperties.defaults());
        LocalDate before = LocalDate.parse("2026-11-30");
        LocalDate after = LocalDate.parse("2026-12-01");
        AccountTarget production = DemoEstate.PRODUCTION;
        t.readAndCheck(t.context(production, new DemoAwsClients(before), before, "run-1", true));
        CostSnapshot s = t.readAndCheck(t.context(production, new DemoAwsClients(after), after, "run-2", true)).snapshot();

        CostTestSupport other = new CostTestSupport(CostProperties.defaults());
        CostSnapshot fresh = other.readAndCheck(other.context(production, new DemoAwsClients(after), after, "fresh", false))
                .snapshot();
        assertThat(s.months()).isEqualTo(fresh.months());
        // November (EC2 jumped) is not October's figure told again
        BigDecimal october = s.month(LocalDate.parse("2026-10-01")).orElseThrow().usdTotal();
        BigDecimal november = s.lastMonth().orElseThrow().usdTotal();
        assertThat(november).isGreaterThan(october.multiply(new BigDecimal("1.2")));
    }

    private static Map<LocalDate, BigDecimal> totals(CostExplorerClient ce, Granularity g, LocalDate from, LocalDate to) {
        return totals(ce, g, from, to, USAGE_ONLY);
    }

    /** Ungrouped totals by period start of [from, to), with {@code filter} (null: every record type). */
    private static Map<LocalDate, BigDecimal> totals(CostExplorerClient ce, Granularity g, LocalDate from, LocalDate to,
                                                     Expression filter) {
        GetCostAndUsageRequest.Builder req = GetCostAndUsageRequest.builder().granularity(g).metrics("UnblendedCost")
                .timePeriod(p -> p.start(from.toString()).end(to.toString()));
        if (filter != null) req.filter(filter);
        List<ResultByTime> results = CostExplorerPages.getCostAndUsage(ce, req.build(), () -> { });
        Map<LocalDate, BigDecimal> out = new TreeMap<>();
        for (CostPeriod p : CostExplorerReader.periods(results, CostMetric.UNBLENDED_COST, false)) {
            out.put(p.start(), p.usdTotal());
        }
        return out;
    }
}
