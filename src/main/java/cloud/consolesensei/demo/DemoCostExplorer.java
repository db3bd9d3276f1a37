package cloud.consolesensei.demo;

import cloud.consolesensei.aws.AccountTarget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.model.DateInterval;
import software.amazon.awssdk.services.costexplorer.model.Dimension;
import software.amazon.awssdk.services.costexplorer.model.Expression;
import software.amazon.awssdk.services.costexplorer.model.ForecastResult;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageRequest;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageResponse;
import software.amazon.awssdk.services.costexplorer.model.GetCostForecastRequest;
import software.amazon.awssdk.services.costexplorer.model.GetCostForecastResponse;
import software.amazon.awssdk.services.costexplorer.model.Granularity;
import software.amazon.awssdk.services.costexplorer.model.Group;
import software.amazon.awssdk.services.costexplorer.model.MetricValue;
import software.amazon.awssdk.services.costexplorer.model.ResultByTime;

/**
 * Demo fake of {@link CostExplorerClient}: answers the operations the readers call for the demo estate.
 * Operations it does not override throw {@link UnsupportedOperationException}, which the
 * readers report as a coverage gap.
 * <p>
 * The demo's costs are made of days: each service has a daily rate per calendar month, counted back
 * from the as-of date's month (the 6 complete months before it, then the month itself and the
 * forecast), with a small weekly wave, plus lump sums booked on one day. Every period Cost Explorer is
 * asked for (a month, the month to date, a day, the forecast) is the sum of its days, so months, the
 * month to date, the daily series and the forecast agree for any as-of date, leap days and year ends
 * included; months before the 6 (the invoices' year) fall 1 % a month further back.
 * <ul>
 *   <li>demo-production: EC2 compute jumped last month (+43 % a day: {@code cost.service_spike} MEDIUM) and
 *       runaway instances cost 650 USD extra five days before the as-of date ({@code cost.daily_anomaly});
 *       a 300 USD Savings Plan upfront fee on the first of the as-of month is a lump sum, not an anomaly;
 *       the month ends under its 9,000 USD budget;</li>
 *   <li>demo-staging: SageMaker, a tiny credit residue (-0.0000000289 USD) the month before, costs
 *       13.90 USD a day since last month ({@code cost.service_spike} from nothing), and its pace
 *       forecasts about 1,850 USD against a 1,500 USD budget ({@code cost.forecast_over_budget}); 250 USD
 *       of tax booked on the first of each month is not an anomaly either.</li>
 * </ul>
 * The story is told relative to the as-of date, so a demo run always asks for every period again
 * (as {@code --refresh-costs} does): a later demo run with another as-of date never mixes its months
 * with an earlier run's.
 * A request whose Filter has {@code Not} RECORD_TYPE (alone or under {@code And}) leaves out the lines
 * of those record types, as Cost Explorer does.
 * Every GetCostAndUsage answer with more than one period comes in two pages (NextPageToken).
 */
final class DemoCostExplorer {

    /** The SDK interface with the demo's shared parts ({@link DemoClient}). */
    private interface Fake extends CostExplorerClient, DemoClient {
    }

    private static final String EC2 = "Amazon Elastic Compute Cloud - Compute";
    private static final String RDS = "Amazon Relational Database Service";
    private static final String S3 = "Amazon Simple Storage Service";
    private static final String LAMBDA = "AWS Lambda";
    private static final String CLOUDWATCH = "Amazon CloudWatch";
    private static final String SAGEMAKER = "Amazon SageMaker";
    private static final String TAX = "Tax";
    private static final String SAVINGS_PLANS = "Savings Plans for AWS Compute usage";
    private static final String USAGE = "Usage";
    private static final String PAGE_2 = "demo-page-2";
    /** Complete months of the rate table; the as-of month is the next one. */
    private static final int MONTHS = 6;
    /** How much lower each month before the table's oldest is, a fraction of its rate. */
    private static final BigDecimal OLDER_MONTH_DECLINE = new BigDecimal("0.01");

    /**
     * A service's daily rate, USD, in each of the 6 complete months before the as-of month (oldest first,
     * null = no cost that month) and in the as-of month and after, and the RECORD_TYPE it is booked as.
     */
    private record Line(String service, String[] months, String dailyRate, String recordType) {
        Line(String service, String dailyRate, String... months) {
            this(service, months, dailyRate, USAGE);
        }

        Line withRecordType(String type) {
            return new Line(service, months, dailyRate, type);
        }

        /** The daily rate of the month {@code back} months before the as-of month (0: that month or later). */
        BigDecimal rate(long back) {
            if (back <= 0) return new BigDecimal(dailyRate);
            if (back <= MONTHS) {
                String v = months[(int) (MONTHS - back)];
                return v == null ? null : new BigDecimal(v);
            }
            if (months[0] == null) return null;
            BigDecimal factor = BigDecimal.ONE.subtract(OLDER_MONTH_DECLINE.multiply(BigDecimal.valueOf(back - MONTHS)));
            return new BigDecimal(months[0]).multiply(factor.max(BigDecimal.ZERO));
        }
    }

    private static final List<Line> PRODUCTION = List.of(
            new Line(EC2, "160.00", "109.50", "110.90", "111.60", "112.70", "112.00", "160.00"),
            new Line(RDS, "44.10", "42.80", "42.80", "44.30", "44.30", "44.40", "44.10"),
            new Line(S3, "25.60", "23.10", "23.50", "24.00", "24.50", "24.90", "25.30"),
            new Line(LAMBDA, "8.05", "6.97", "7.59", "7.21", "7.93", "7.78", "7.90"),
            new Line(CLOUDWATCH, "6.10", "5.63", "5.78", "5.85", "5.94", "5.99", "6.00"),
            new Line(TAX, "9.00", "8.39", "8.48", "8.61", "8.75", "8.84", "9.08").withRecordType(TAX),
            new Line(SAVINGS_PLANS, "0", null, null, null, null, null, null).withRecordType("SavingsPlanUpfrontFee"));

    private static final List<Line> STAGING = List.of(
            new Line(EC2, "24.10", "20.10", "20.70", "21.10", "21.50", "22.00", "24.10"),
            new Line(RDS, "10.20", "9.80", "9.80", "9.90", "9.90", "10.05", "10.20"),
            new Line(S3, "3.35", "2.90", "2.96", "3.07", "3.13", "3.21", "3.35"),
            new Line(LAMBDA, "0.90", "0.73", "0.65", "0.83", "0.76", "0.81", "0.90"),
            new Line(CLOUDWATCH, "1.32", "1.17", "1.19", "1.23", "1.25", "1.27", "1.32"),
            new Line(SAGEMAKER, "13.90", null, null, null, null, null, "13.90"),
            new Line(TAX, "0", "0", "0", "0", "0", "0", "0").withRecordType(TAX));

    /** Extra cost of production's runaway EC2 instances, on the day five days before the as-of date. */
    private static final BigDecimal ANOMALY = new BigDecimal("650.00");
    /** Production's all-upfront Compute Savings Plan, bought on the first of the as-of month: a lump, not usage. */
    private static final BigDecimal UPFRONT_FEE = new BigDecimal("300.00");
    /** Staging's tax, booked on the first of each month. */
    private static final BigDecimal MONTHLY_TAX = new BigDecimal("250.00");
    /** Staging's SageMaker credit residue, booked on the first of the month before last. */
    private static final BigDecimal CREDIT_RESIDUE = new BigDecimal("-0.0000000289");

    private DemoCostExplorer() {
    }

    /** A client serving {@code account}'s demo resources in {@code region}, dated from {@code asOf}. */
    static CostExplorerClient client(AccountTarget account, String region, LocalDate asOf) {
        List<Line> lines = DemoEstate.STAGING.id().equals(account.id()) ? STAGING : PRODUCTION;
        boolean production = !DemoEstate.STAGING.id().equals(account.id());
        return new Fake() {
            @Override
            public GetCostAndUsageResponse getCostAndUsage(GetCostAndUsageRequest request) {
                String metric = request.metrics().get(0);
                boolean grouped = request.hasGroupBy() && !request.groupBy().isEmpty();
                Set<String> excluded = excludedRecordTypes(request.filter());
                List<ResultByTime> all = new ArrayList<>();
                LocalDate start = LocalDate.parse(request.timePeriod().start());
                LocalDate end = LocalDate.parse(request.timePeriod().end());
                for (LocalDate p = start; p.isBefore(end); ) {
                    LocalDate next = request.granularity() == Granularity.MONTHLY
                            ? min(p.withDayOfMonth(1).plusMonths(1), end) : p.plusDays(1);
                    Map<String, BigDecimal> byService = new LinkedHashMap<>();
                    for (Line l : lines) {
                        if (excluded.contains(l.recordType())) continue;
                        BigDecimal v = amount(l, p, next, asOf, production);
                        if (v != null) byService.put(l.service(), v);
                    }
                    ResultByTime.Builder r = ResultByTime.builder()
                            .timePeriod(DateInterval.builder().start(p.toString()).end(next.toString()).build())
                            .estimated(next.isAfter(asOf.withDayOfMonth(1)));
                    if (grouped) {
                        r.total(Map.of()).groups(byService.entrySet().stream().map(e -> Group.builder()
                                .keys(e.getKey()).metrics(Map.of(metric, value(e.getValue()))).build()).toList());
                    } else {
                        r.total(Map.of(metric, value(byService.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))))
                                .groups(List.of());
                    }
                    all.add(r.build());
                    p = next;
                }
                int half = (all.size() + 1) / 2;
                boolean second = PAGE_2.equals(request.nextPageToken());
                GetCostAndUsageResponse.Builder b = GetCostAndUsageResponse.builder()
                        .resultsByTime(second ? all.subList(half, all.size()) : all.subList(0, half));
                if (!second && half < all.size()) b.nextPageToken(PAGE_2);
                return b.build();
            }

            @Override
            public GetCostForecastResponse getCostForecast(GetCostForecastRequest request) {
                LocalDate start = LocalDate.parse(request.timePeriod().start());
                LocalDate end = LocalDate.parse(request.timePeriod().end());
                BigDecimal total = BigDecimal.ZERO;
                for (Line l : lines) {
                    BigDecimal v = amount(l, start, end, asOf, production);
                    if (v != null) total = total.add(v);
                }
                String amount = total.setScale(10, RoundingMode.HALF_UP).toPlainString();
                return GetCostForecastResponse.builder()
                        .total(MetricValue.builder().amount(amount).unit("USD").build())
                        .forecastResultsByTime(ForecastResult.builder().timePeriod(request.timePeriod())
                                .meanValue(amount).build())
                        .build();
            }
        };
    }

    /**
     * A service's cost over [from, to): the sum of its days ({@link #day}); null when the service had no
     * cost on any of them (Cost Explorer then answers no group for it).
     */
    private static BigDecimal amount(Line l, LocalDate from, LocalDate to, LocalDate asOf, boolean production) {
        BigDecimal sum = null;
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            BigDecimal v = day(l, d, asOf, production);
            if (v != null) sum = sum == null ? v : sum.add(v);
        }
        return sum;
    }

    /**
     * A service's cost on day {@code d}: the daily rate of its month with the weekly wave, plus what is
     * booked that day; null when it had none. The runaway EC2 cost is booked five days before the as-of
     * date (in the month before when the as-of date is early in its month, where EC2 already jumped, so no
     * other service spikes), the upfront fee on the first of the as-of month (a month, unlike every month
     * before, so no spike either), staging's tax on every first of a month (a forecast that spans one
     * includes it).
     */
    private static BigDecimal day(Line l, LocalDate d, LocalDate asOf, boolean production) {
        long back = ChronoUnit.MONTHS.between(YearMonth.from(d), YearMonth.from(asOf));
        BigDecimal rate = l.rate(back);
        BigDecimal v = rate == null || rate.signum() == 0 ? null : daily(rate, d);
        BigDecimal booked = null;
        if (production && EC2.equals(l.service()) && d.equals(asOf.minusDays(5))) booked = ANOMALY;
        if (production && SAVINGS_PLANS.equals(l.service()) && back == 0 && d.getDayOfMonth() == 1) booked = UPFRONT_FEE;
        if (!production && TAX.equals(l.service()) && d.getDayOfMonth() == 1) booked = MONTHLY_TAX;
        if (!production && SAGEMAKER.equals(l.service()) && back == 2 && d.getDayOfMonth() == 1) booked = CREDIT_RESIDUE;
        if (booked == null) return v;
        return v == null ? booked : v.add(booked);
    }

    /** The RECORD_TYPE values a GetCostAndUsage Filter leaves out ({@code Not}, alone or under {@code And}). */
    private static Set<String> excludedRecordTypes(Expression filter) {
        if (filter == null) return Set.of();
        Set<String> out = new HashSet<>();
        Expression not = filter.not();
        if (not != null && not.dimensions() != null && not.dimensions().key() == Dimension.RECORD_TYPE) {
            out.addAll(not.dimensions().values());
        }
        if (filter.hasAnd()) filter.and().forEach(e -> out.addAll(excludedRecordTypes(e)));
        return out;
    }

    /**
     * The account's cost of the complete month {@code month} without tax, as Cost Explorer answers it;
     * what the demo's invoices are made from ({@link DemoInvoicing}).
     */
    static BigDecimal monthWithoutTax(AccountTarget account, YearMonth month, LocalDate asOf) {
        boolean production = !DemoEstate.STAGING.id().equals(account.id());
        BigDecimal sum = BigDecimal.ZERO;
        for (Line l : production ? PRODUCTION : STAGING) {
            if (TAX.equals(l.recordType())) continue;
            BigDecimal v = amount(l, month.atDay(1), month.plusMonths(1).atDay(1), asOf, production);
            if (v != null) sum = sum.add(v);
        }
        return sum;
    }

    /** A daily rate with a small weekly wave (+-2 %), so the baseline is believable but steady. */
    private static BigDecimal daily(BigDecimal rate, LocalDate d) {
        double wave = 1 + 0.02 * Math.sin(2 * Math.PI * d.getDayOfWeek().getValue() / 7.0);
        return rate.multiply(BigDecimal.valueOf(wave)).setScale(10, RoundingMode.HALF_UP);
    }

    private static MetricValue value(BigDecimal v) {
        return MetricValue.builder().amount(v.setScale(10, RoundingMode.HALF_UP).toPlainString()).unit("USD").build();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
