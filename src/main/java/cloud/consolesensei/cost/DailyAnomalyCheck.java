package cloud.consolesensei.cost;

import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.check.MoneyKind;
import cloud.consolesensei.check.SettingSpec;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code cost.daily_anomaly} (docs/checks.md): on the account's total daily usage cost (USD; the daily
 * series leaves out the lump-sum record types, {@link CostExplorerReader#LUMP_SUM_RECORD_TYPES}), a judged day (the
 * {@code judged-days} days ending the day before the as-of date) fires when it is above
 * mean + {@code sigma} x standard deviation of the {@code baseline-days} days before them (population
 * standard deviation) and more than {@code min-excess-usd} USD above the mean. One finding per day.
 * Not evaluated when any of those days was not read or is not in USD.
 * Resource id: the day (YYYY-MM-DD); monthly_cost_usd: (day - mean) x 30.
 */
public final class DailyAnomalyCheck extends CatalogCheck<CostSnapshot> {

    public static final String ID = "cost.daily_anomaly";
    static final String JUDGED_DAYS = "judged-days";
    static final String BASELINE_DAYS = "baseline-days";
    static final String SIGMA = "sigma";
    static final String MIN_EXCESS = "min-excess-usd";
    private static final BigDecimal THIRTY = BigDecimal.valueOf(30);

    static final CheckDefinition DEFINITION = new CheckDefinition(ID,
            "Daily cost anomaly", Severity.MEDIUM, CostExplorerReader.SERVICE, "AWS account daily cost",
            "a day in the last 14 days above mean + 3 sigma of the 28 days before it, and more than 50 USD "
                    + "above that mean. On the account's total daily cost; the judged days are the 14 days ending the "
                    + "day before the as-of date, the baseline the 28 days before them (mean and population standard "
                    + "deviation); a day fires when it is above mean + 3 sigma and more than 50 USD above the mean; "
                    + "one finding per day; `monthly_cost_usd` = (day - mean) x 30. `cost.daily_anomaly` judges usage, "
                    + "not bookkeeping: its daily series leaves out the record types AWS books as lump sums or "
                    + "adjustments (RECORD_TYPE Tax, Support, Fee, RIFee, SavingsPlanRecurringFee, "
                    + "SavingsPlanUpfrontFee, Credit, Refund), so the first of the month does not fire on fees alone.",
            "the excess, x 30",
            "A day far above the account's usual daily cost is often a runaway job, a loop or a leak that keeps costing until stopped.",
            "Console: Billing and Cost Management > Cost Explorer, daily granularity, group by Service then Usage type "
                    + "around the day, to find what cost it; stop the cause. AWS Cost Anomaly Detection can alert on this too. "
                    + "AWS CLI: aws ce get-cost-and-usage --time-period Start=<day>,End=<next day> --granularity DAILY "
                    + "--metrics UnblendedCost --group-by Type=DIMENSION,Key=SERVICE (the check leaves out the record types "
                    + "Tax, Support, Fee, RIFee, SavingsPlanRecurringFee, SavingsPlanUpfrontFee, Credit and Refund)",
            List.of("ce:GetCostAndUsage"),
            List.of("AWS Cost Explorer API Reference: GetCostAndUsage", "AWS Cost Management User Guide: AWS Cost Anomaly Detection"),
            List.of(SettingSpec.integer(JUDGED_DAYS, 14, "days judged, ending the day before the as-of date"),
                    SettingSpec.integer(BASELINE_DAYS, 28, "days before the judged days that make the baseline"),
                    SettingSpec.decimal(SIGMA, "3", "standard deviations above the baseline mean"),
                    SettingSpec.decimal(MIN_EXCESS, "50", "minimum excess over the baseline mean, USD")),
            MoneyKind.COST_ALERT);

    public DailyAnomalyCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(CostSnapshot s, CheckContext ctx) {
        int judged = integer(ctx, JUDGED_DAYS);
        int baselineDays = integer(ctx, BASELINE_DAYS);
        BigDecimal sigma = decimal(ctx, SIGMA);
        BigDecimal minExcess = decimal(ctx, MIN_EXCESS);
        if (baselineDays <= 0 || judged <= 0) return List.of();
        LocalDate firstJudged = s.asOf().minusDays(judged);
        List<BigDecimal> baseline = totals(s, firstJudged.minusDays(baselineDays), baselineDays);
        List<BigDecimal> days = totals(s, firstJudged, judged);
        if (baseline == null || days == null) return List.of();
        MathContext mc = MathContext.DECIMAL64;
        BigDecimal n = BigDecimal.valueOf(baselineDays);
        BigDecimal mean = baseline.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(n, mc);
        BigDecimal variance = baseline.stream().map(v -> v.subtract(mean).pow(2))
                .reduce(BigDecimal.ZERO, BigDecimal::add).divide(n, mc);
        BigDecimal sd = variance.sqrt(mc);
        BigDecimal limit = mean.add(sigma.multiply(sd));
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < judged; i++) {
            BigDecimal day = days.get(i);
            BigDecimal excess = day.subtract(mean);
            if (day.compareTo(limit) <= 0 || excess.compareTo(minExcess) <= 0) continue;
            LocalDate date = firstJudged.plusDays(i);
            CostPeriod p = s.day(date).orElseThrow();
            String detail = "Usage cost on " + date + " was " + CostFormat.usd(day)
                    + (p.estimated() ? " (estimated)" : "") + ", " + CostFormat.usd(excess)
                    + " above the mean of the " + baselineDays + " days before the last " + judged + " ("
                    + CostFormat.usd(mean) + ", standard deviation " + CostFormat.usd(sd) + ", limit "
                    + CostFormat.usd(limit) + " at " + sigma.stripTrailingZeros().toPlainString() + " sigma; "
                    + s.metric().apiName() + "; tax, support, fees, credits and refunds left out)."
                    + " Cost at stake if it recurs daily: excess x 30.";
            out.add(finding(ctx, date.toString()).detail(detail)
                    .monthlyCostUsd(excess.multiply(THIRTY)).build());
        }
        return out;
    }

    /** USD totals of {@code count} days from {@code from}; {@code null} when one is missing or not in USD. */
    private static List<BigDecimal> totals(CostSnapshot s, LocalDate from, int count) {
        List<BigDecimal> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Optional<CostPeriod> p = s.day(from.plusDays(i));
            BigDecimal v = p.map(CostPeriod::usdTotal).orElse(null);
            if (v == null) return null;
            out.add(v);
        }
        return out;
    }
}
