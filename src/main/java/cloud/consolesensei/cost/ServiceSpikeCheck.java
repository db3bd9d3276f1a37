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
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code cost.service_spike} (docs/checks.md): a service's cost in the last complete month (the calendar
 * month before the as-of date's month) rose by at least {@code min-percent} % and at least
 * {@code min-increase-usd} USD over the month before; HIGH when also at least {@code high-percent} %
 * and {@code high-increase-usd} USD. A service at or below zero the month before (credits leave tiny
 * negatives such as -0.0000000289) fires when it reaches {@code min-increase-usd}; its percentage is
 * unbounded. A service missing from a month cost zero in it. Only USD amounts are compared.
 * Resource id: the Cost Explorer SERVICE value; monthly_cost_usd: the increase.
 */
public final class ServiceSpikeCheck extends CatalogCheck<CostSnapshot> {

    public static final String ID = "cost.service_spike";
    static final String MIN_PERCENT = "min-percent";
    static final String MIN_INCREASE = "min-increase-usd";
    static final String HIGH_PERCENT = "high-percent";
    static final String HIGH_INCREASE = "high-increase-usd";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static final CheckDefinition DEFINITION = new CheckDefinition(ID,
            "Service cost spike month over month", Severity.MEDIUM, CostExplorerReader.SERVICE, "AWS service cost",
            "a service's cost in the last complete month rose >= 25 % and >= 100 USD over the month before. "
                    + "Severity HIGH when >= 100 % and >= 1,000 USD. \"last complete month\" is the calendar month "
                    + "before the as-of date's month, compared with the month before it; a service at or below zero "
                    + "the month before (credits leave tiny negatives such as -0.0000000289) fires when it reaches 100 "
                    + "USD.",
            "the increase",
            "A service whose monthly cost jumps is often a misconfiguration, a forgotten experiment or a leak that keeps billing every day.",
            "Console: Billing and Cost Management > Cost Explorer, group by Service, monthly, compare the last two months; "
                    + "then group by Usage type and Resource for that service to find what grew, and stop or right-size it. "
                    + "AWS CLI: aws ce get-cost-and-usage --time-period Start=YYYY-MM-01,End=YYYY-MM-01 --granularity MONTHLY "
                    + "--metrics UnblendedCost --group-by Type=DIMENSION,Key=USAGE_TYPE "
                    + "--filter '{\"Dimensions\":{\"Key\":\"SERVICE\",\"Values\":[\"<service>\"]}}'",
            List.of("ce:GetCostAndUsage"),
            List.of("AWS Cost Explorer API Reference: GetCostAndUsage", "AWS Cost Management User Guide: Analyzing your costs with Cost Explorer"),
            List.of(SettingSpec.decimal(MIN_PERCENT, "25", "minimum rise over the month before, %"),
                    SettingSpec.decimal(MIN_INCREASE, "100", "minimum rise over the month before, USD"),
                    SettingSpec.decimal(HIGH_PERCENT, "100", "rise (%) that, with high-increase-usd, makes it HIGH"),
                    SettingSpec.decimal(HIGH_INCREASE, "1000", "rise (USD) that, with high-percent, makes it HIGH")),
            MoneyKind.COST_ALERT);

    public ServiceSpikeCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(CostSnapshot s, CheckContext ctx) {
        Optional<CostPeriod> lastP = s.lastMonth();
        Optional<CostPeriod> prevP = s.monthBeforeLast();
        if (lastP.isEmpty() || prevP.isEmpty()) return List.of();
        CostPeriod last = lastP.get();
        CostPeriod prev = prevP.get();
        BigDecimal minPct = decimal(ctx, MIN_PERCENT);
        BigDecimal minUsd = decimal(ctx, MIN_INCREASE);
        BigDecimal highPct = decimal(ctx, HIGH_PERCENT);
        BigDecimal highUsd = decimal(ctx, HIGH_INCREASE);
        TreeSet<String> services = new TreeSet<>(last.amounts().keySet());
        services.addAll(prev.amounts().keySet());
        List<Finding> out = new ArrayList<>();
        for (String service : services) {
            Money now = last.amount(service, Money.USD);
            Money before = prev.amount(service, Money.USD);
            if (!now.isUsd() || !before.isUsd()) continue;
            BigDecimal increase = now.amount().subtract(before.amount());
            boolean fromNothing = before.amount().signum() <= 0;
            boolean fires = fromNothing
                    ? now.amount().compareTo(minUsd) >= 0
                    : increase.compareTo(minUsd) >= 0 && atLeastPercent(increase, before.amount(), minPct);
            if (!fires) continue;
            boolean high = increase.compareTo(highUsd) >= 0
                    && (fromNothing || atLeastPercent(increase, before.amount(), highPct));
            String pct = fromNothing ? "from nothing"
                    : "+" + CostFormat.percent(increase.multiply(HUNDRED).divide(before.amount(), MathContext.DECIMAL64)) + " %";
            String detail = service + ": " + CostFormat.usd(now.amount()) + " in " + YearMonth.from(last.start())
                    + (last.estimated() ? " (estimated)" : "") + " against " + CostFormat.usd(before.amount())
                    + " in " + YearMonth.from(prev.start()) + " (" + pct + ", +" + CostFormat.usd(increase) + "; " + s.metric().apiName() + ").";
            out.add(finding(ctx, service)
                    .severity(high ? Severity.HIGH : Severity.MEDIUM)
                    .detail(detail)
                    .monthlyCostUsd(increase)
                    .build());
        }
        return out;
    }

    /** increase / base >= pct %, for base > 0, without dividing. */
    private static boolean atLeastPercent(BigDecimal increase, BigDecimal base, BigDecimal pct) {
        return increase.multiply(HUNDRED).compareTo(pct.multiply(base)) >= 0;
    }
}
