package cloud.consolesensei.ec2;

import cloud.consolesensei.cost.CostFormat;
import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.check.MoneyKind;
import cloud.consolesensei.check.SettingSpec;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;
import cloud.consolesensei.price.OnDemandPrice;
import cloud.consolesensei.usage.InstanceMetrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * {@code ec2.instance_idle} (docs/checks.md, "Usage"; Trusted Advisor's low-utilization rule): a running
 * instance that, on at least {@code min-idle-days} (4) of the {@code days} (14) complete UTC days
 * before the as-of date, had a daily average CPUUtilization of at most {@code max-cpu-percent} (10 %)
 * and NetworkIn + NetworkOut of at most {@code max-network-bytes} (5,000,000 bytes). A day counts
 * only when all three datapoints exist; an instance with no datapoint, or whose metrics could not be
 * read, is not evaluated. MEDIUM. Cost: the on-demand hourly price (AWS Price List) x 730; empty,
 * with the reason, for a Spot, Capacity Block or Outpost instance and for a price that cannot be found.
 */
public final class InstanceIdleCheck extends CatalogCheck<InstanceView> {

    public static final String MAX_CPU = "max-cpu-percent";
    public static final String MAX_NETWORK = "max-network-bytes";
    public static final String MIN_IDLE_DAYS = "min-idle-days";
    public static final String DAYS = "days";

    public static final CheckDefinition DEFINITION = new CheckDefinition("ec2.instance_idle",
            "Idle instance", Severity.MEDIUM, "ec2", "EC2 instance",
            "running, and on >= 4 of the 14 complete UTC days before the as-of date its daily average "
                    + "CPUUtilization was <= 10 % and its daily NetworkIn + NetworkOut was <= 5 MB (5,000,000 bytes): "
                    + "Trusted Advisor's low-utilization rule. `ec2.instance_idle` on a Spot instance "
                    + "(InstanceLifecycle `spot`), a Capacity Block (`capacity-block`) or an instance on an Outpost "
                    + "(Placement or an OutpostArn) is judged as any other, but its `monthly_cost_usd` is empty and "
                    + "the detail says why: the on-demand price is not what it costs. An instance's price is the "
                    + "on-demand hourly price (`terms.OnDemand`, never Reserved) of its instance type in its region, "
                    + "for its operating system (PlatformDetails: `Linux/UNIX` -> Linux, `Windows` -> Windows with the "
                    + "license included (licenseModel `No License required`, never BYOL), `Red Hat Enterprise Linux` "
                    + "-> RHEL, `SUSE Linux` -> SUSE; no pre-installed software) and its tenancy (Placement.Tenancy "
                    + "`default` -> Shared, `dedicated` -> Dedicated), capacity status Used, from the AWS Price List "
                    + "Query API (`pricing:GetProducts`, service code AmazonEC2). A price that cannot be found or read "
                    + "leaves `monthly_cost_usd` empty and says why; it is never guessed.",
            "the instance's on-demand hourly price x 730",
            "An instance that runs all month doing nothing is billed every hour for capacity nobody uses.",
            "Confirm with the owner, then stop it, or terminate it after an image: Console: EC2 > Instances > select >"
                    + " Instance state > Stop instance (or Actions > Image and templates > Create image, then"
                    + " Terminate). CLI: aws ec2 stop-instances --instance-ids <id>. If it must run, move it to a"
                    + " smaller type (Compute Optimizer shows one).",
            List.of("ec2:DescribeInstances", "cloudwatch:GetMetricData", "pricing:GetProducts"),
            List.of("AWS Trusted Advisor: Low Utilization Amazon EC2 Instances", "Amazon EC2 On-Demand pricing"),
            List.of(SettingSpec.decimal(MAX_CPU, "10", "highest daily average CPU (%) of an idle day"),
                    SettingSpec.decimal(MAX_NETWORK, "5000000", "highest daily NetworkIn + NetworkOut (bytes) of an idle day"),
                    SettingSpec.integer(MIN_IDLE_DAYS, 4, "idle days from which an instance is reported"),
                    SettingSpec.integer(DAYS, 14, "complete UTC days before the as-of date that are read")),
            MoneyKind.SAVINGS);

    public InstanceIdleCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(InstanceView v, CheckContext ctx) {
        InstanceMetrics m = v.metrics();
        if (!"running".equals(v.state()) || m == null || m.noData()) return List.of();
        List<InstanceMetrics.Day> idle = idleDays(m, ctx);
        int min = integer(ctx, MIN_IDLE_DAYS);
        if (idle.size() < min) return List.of();
        String id = v.instance().instanceId();
        double cpu = idle.stream().mapToDouble(d -> d.cpuPercent().get()).average().orElse(0);
        double mb = idle.stream().mapToDouble(d -> d.networkBytes().get()).average().orElse(0) / 1_000_000d;
        long missing = m.days().stream().filter(d -> d.cpuPercent().isEmpty() || d.networkBytes().isEmpty()).count();
        String notOnDemand = InstancePricing.notOnDemand(v.instance());
        OnDemandPrice price = v.price();
        BigDecimal monthly = notOnDemand == null && price != null ? price.monthlyUsd() : null;
        String cost = notOnDemand != null ? "No monthly cost: " + notOnDemand + "."
                : monthly != null ? "Costs " + CostFormat.usd(monthly) + "/month on demand ("
                        + price.hourlyUsd().stripTrailingZeros().toPlainString()
                        + " USD/hour x 730, AWS Price List)."
                : "No monthly cost: " + (price == null ? "on-demand price not looked up" : price.note()) + ".";
        String detail = String.format(Locale.ROOT, "Instance %s (%s, %s) idle on %d of the last %d days (%s): CPU %.1f %%"
                        + " average, network %.1f MB/day on those days (idle: CPU <= %s %%, network <= %s bytes a day)%s. %s",
                id, v.instance().instanceTypeAsString(), v.instance().platformDetails() == null ? "platform unknown"
                        : v.instance().platformDetails(), idle.size(), m.window().days(), m.window(), cpu, mb,
                decimal(ctx, MAX_CPU).toPlainString(),
                decimal(ctx, MAX_NETWORK).toPlainString(),
                missing == 0 ? "" : "; " + missing + " day(s) without every datapoint not counted"
                        + (m.partial() ? " (CloudWatch returned partial data)" : ""),
                cost);
        return List.of(finding(ctx, id).detail(detail).monthlyCostUsd(monthly).build());
    }

    /** The idle days of {@code m} by the context's thresholds. */
    static List<InstanceMetrics.Day> idleDays(InstanceMetrics m, CheckContext ctx) {
        return m.idleDays(ctx.settings().decimal(DEFINITION.id(), MAX_CPU),
                ctx.settings().decimal(DEFINITION.id(), MAX_NETWORK));
    }
}
