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
 * Seven months of costs per demo account (6 complete months from a table, the month to date and the
 * daily series from each service's daily rate with a small weekly wave):
 * <ul>
 *   <li>demo-production: EC2 compute jumped last month (+36 %: {@code cost.service_spike} MEDIUM) and a
 *       runaway Lambda cost 650 USD extra five days before the as-of date ({@code cost.daily_anomaly});
 *       a 300 USD Savings Plan upfront fee nine days before it is a lump sum, not an anomaly;
 *       the month ends under its 9,000 USD budget;</li>
 *   <li>demo-staging: SageMaker, a tiny credit residue (-0.0000000289 USD) the month before, cost
 *       412.56 USD last month ({@code cost.service_spike}), and its pace forecasts about 1,600 USD
 *       against a 1,500 USD budget ({@code cost.forecast_over_budget}); 250 USD of tax booked on the
 *       first of each month is not an anomaly either.</li>
 * </ul>
 * A request whose Filter has {@code Not} RECORD_TYPE (alone or under {@code And}) leaves out the lines
 * of those record types, as Cost Explorer does.
 * Every GetCostAndUsage answer with more than one period comes in two pages (NextPageToken).
 */
final class DemoCostExplorer {

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

    /**
     * A service's 6 complete months (oldest first; null = no cost that month), its current daily rate,
     * USD, and the RECORD_TYPE its cost is booked as.
     */
    private record Line(String service, String[] months, String dailyRate, String recordType) {
        Line(String service, String dailyRate, String... months) {
            this(service, months, dailyRate, USAGE);
        }

        Line withRecordType(String type) {
            return new Line(service, months, dailyRate, type);
        }
    }

    private static final List<Line> PRODUCTION = List.of(
            new Line(EC2, "160.00", "3480.1200000000", "3525.4012345678", "3560.8800000000", "3610.0523000000",
                    "3642.7100000000", "4960.3612000000"),
            new Line(RDS, "44.10", "1302.4000000000", "1302.4000000000", "1348.5500000000", "1348.5500000000",
                    "1351.0200000000", "1349.8700000000"),
            new Line(S3, "25.60", "702.3300000000", "715.9000000000", "731.1200000000", "744.6700000000",
                    "758.0900000000", "771.4500000000"),
            new Line(LAMBDA, "8.05", "212.0500000000", "230.7700000000", "219.4000000000", "241.1800000000",
                    "236.5200000000", "244.9100000000"),
            new Line(CLOUDWATCH, "6.10", "171.3000000000", "175.8200000000", "178.0400000000", "180.6600000000",
                    "182.1300000000", "185.9000000000"),
            new Line(TAX, "9.00", "255.1200000000", "258.0300000000", "261.9400000000", "266.0100000000",
                    "268.7700000000", "281.4400000000").withRecordType(TAX),
            new Line(SAVINGS_PLANS, "0", null, null, null, null, null, null).withRecordType("SavingsPlanUpfrontFee"));

    private static final List<Line> STAGING = List.of(
            new Line(EC2, "24.10", "612.4000000000", "630.1500000000", "641.8800000000", "655.0200000000",
                    "668.3900000000", "702.7700000000"),
            new Line(RDS, "10.20", "298.5000000000", "298.5000000000", "301.2500000000", "301.2500000000",
                    "305.6000000000", "306.1200000000"),
            new Line(S3, "3.35", "88.2100000000", "90.0400000000", "93.4700000000", "95.1000000000",
                    "97.6600000000", "99.3100000000"),
            new Line(LAMBDA, "0.90", "22.1000000000", "19.8400000000", "25.3700000000", "23.0200000000",
                    "24.6600000000", "26.1300000000"),
            new Line(CLOUDWATCH, "1.32", "35.7200000000", "36.1000000000", "37.4800000000", "38.0500000000",
                    "38.6100000000", "39.2700000000"),
            new Line(SAGEMAKER, "13.90", null, null, null, null, "-0.0000000289", "412.5600000000"),
            new Line(TAX, "0", "250.0000000000", "250.0000000000", "250.0000000000", "250.0000000000",
                    "250.0000000000", "250.0000000000").withRecordType(TAX));

    /** Extra cost of the production runaway Lambda, on the day five days before the as-of date. */
    private static final BigDecimal ANOMALY = new BigDecimal("650.00");
    /** Production's all-upfront Compute Savings Plan, bought nine days before the as-of date: a lump, not usage. */
    private static final BigDecimal UPFRONT_FEE = new BigDecimal("300.00");
    /** Staging's tax, booked on the first of each month. */
    private static final BigDecimal MONTHLY_TAX = new BigDecimal("250.00");

    private DemoCostExplorer() {
    }

    /** A client serving {@code account}'s demo resources in {@code region}, dated from {@code asOf}. */
    static CostExplorerClient client(AccountTarget account, String region, LocalDate asOf) {
        List<Line> lines = DemoEstate.STAGING.id().equals(account.id()) ? STAGING : PRODUCTION;
        boolean production = !DemoEstate.STAGING.id().equals(account.id());
        return new CostExplorerClient() {
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
                for (LocalDate d = start; d.isBefore(end); d = d.plusDays(1)) {
                    for (Line l : lines) total = total.add(daily(l, d));
                }
                String amount = total.setScale(10, RoundingMode.HALF_UP).toPlainString();
                return GetCostForecastResponse.builder()
                        .total(MetricValue.builder().amount(amount).unit("USD").build())
                        .forecastResultsByTime(ForecastResult.builder().timePeriod(request.timePeriod())
                                .meanValue(amount).build())
                        .build();
            }

            @Override
            public String serviceName() {
                return SERVICE_NAME;
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * A service's cost over [from, to): a complete month before the as-of month comes from the table,
     * anything else is the sum of the daily figures; null when the service had no cost then.
     */
    private static BigDecimal amount(Line l, LocalDate from, LocalDate to, LocalDate asOf, boolean production) {
        LocalDate first = asOf.withDayOfMonth(1);
        boolean completeMonth = from.getDayOfMonth() == 1 && to.equals(from.plusMonths(1)) && !to.isAfter(first);
        if (completeMonth) {
            long back = ChronoUnit.MONTHS.between(from, first);
            int idx = (int) Math.max(0, l.months().length - back);
            String v = l.months()[idx];
            return v == null ? null : new BigDecimal(v);
        }
        BigDecimal sum = BigDecimal.ZERO;
        boolean booked = false;
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            sum = sum.add(daily(l, d));
            if (production && LAMBDA.equals(l.service()) && d.equals(asOf.minusDays(5))) sum = sum.add(ANOMALY);
            if (production && SAVINGS_PLANS.equals(l.service()) && d.equals(asOf.minusDays(9))) {
                sum = sum.add(UPFRONT_FEE);
                booked = true;
            }
            if (!production && TAX.equals(l.service()) && d.getDayOfMonth() == 1) {
                sum = sum.add(MONTHLY_TAX);
                booked = true;
            }
        }
        // a lump-sum line costs nothing outside the days it is booked: no group then, as Cost Explorer answers
        return sum.signum() == 0 && !booked && new BigDecimal(l.dailyRate()).signum() == 0 ? null : sum;
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

    /** Daily rate with a small weekly wave (+-2 %), so the baseline is believable but steady. */
    private static BigDecimal daily(Line l, LocalDate d) {
        double wave = 1 + 0.02 * Math.sin(2 * Math.PI * d.getDayOfWeek().getValue() / 7.0);
        return new BigDecimal(l.dailyRate()).multiply(BigDecimal.valueOf(wave)).setScale(10, RoundingMode.HALF_UP);
    }

    private static MetricValue value(BigDecimal v) {
        return MetricValue.builder().amount(v.setScale(10, RoundingMode.HALF_UP).toPlainString()).unit("USD").build();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
