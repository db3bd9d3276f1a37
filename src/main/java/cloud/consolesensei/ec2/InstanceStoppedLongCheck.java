package cloud.consolesensei.ec2;

import cloud.consolesensei.price.MonthlyCost;
import cloud.consolesensei.cost.CostFormat;
import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.check.MoneyKind;
import cloud.consolesensei.check.SettingSpec;
import cloud.consolesensei.ebs.VolumePricing;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * {@code ec2.instance_stopped_long}: a stopped instance whose stop date (from StateTransitionReason,
 * {@link StopDate}) is at least {@code min-stopped-days} (default 30) days before the as-of date: LOW.
 * No readable date: INFO saying "since unknown" with the raw reason. Cost: the attached volumes'
 * monthly price ({@link VolumePricing}), which a stopped instance keeps paying.
 */
public final class InstanceStoppedLongCheck extends CatalogCheck<InstanceView> {

    public static final String MIN_DAYS = "min-stopped-days";

    public static final CheckDefinition DEFINITION = new CheckDefinition("ec2.instance_stopped_long",
            "Instance stopped for a long time", Severity.LOW, "ec2", "EC2 instance",
            "stopped >= 30 days (date read from StateTransitionReason; unparseable date: INFO with \"since "
                    + "unknown\"). An unreadable stop date (`ec2.instance_stopped_long`) gives an INFO finding saying "
                    + "the stop date is unknown.",
            "attached EBS volumes' monthly cost",
            "A long-stopped instance costs nothing to run but its EBS volumes (and any Elastic IP) are billed every month.",
            "If the instance is no longer needed: Console: EC2 > Instances > select > Actions > Image and templates > "
                    + "Create image (to keep a copy), then Instance state > Terminate. CLI: aws ec2 create-image "
                    + "--instance-id <id> --name <name> && aws ec2 terminate-instances --instance-ids <id>",
            List.of("ec2:DescribeInstances", "ec2:DescribeVolumes"),
            List.of("Amazon EBS pricing", "AWS Well-Architected Cost Optimization: decommission resources"),
            List.of(SettingSpec.integer(MIN_DAYS, 30, "days stopped from which an instance is reported")),
            MoneyKind.SAVINGS);

    public InstanceStoppedLongCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(InstanceView v, CheckContext ctx) {
        if (!"stopped".equals(v.state())) return List.of();
        String id = v.instance().instanceId();
        String raw = v.instance().stateTransitionReason();
        Optional<Instant> stopped = StopDate.parse(raw);
        MonthlyCost cost = v.attachedVolumes() == null
                ? MonthlyCost.unknown("attached volumes could not be read (see coverage: DescribeVolumes):"
                        + " monthly cost left empty")
                : attachedCost(v.attachedVolumes(), ctx);
        String costText = cost.known()
                ? "Its " + v.attachedVolumes().size() + " attached EBS volume(s) cost "
                        + CostFormat.usd(cost.monthlyUsd()) + "/month."
                : cost.note();
        if (stopped.isEmpty()) {
            return List.of(finding(ctx, id).severity(Severity.INFO)
                    .detail("Instance " + id + " is stopped; since unknown: no date in StateTransitionReason '"
                            + (raw == null ? "" : raw) + "'. " + costText)
                    .monthlyCostUsd(cost.monthlyUsd()).build());
        }
        long days = ChronoUnit.DAYS.between(stopped.get().atZone(ZoneOffset.UTC).toLocalDate(), ctx.asOf());
        int min = integer(ctx, MIN_DAYS);
        if (days < min) return List.of();
        return List.of(finding(ctx, id)
                .detail("Instance " + id + " has been stopped since " + stopped.get().toString().substring(0, 10)
                        + " (" + days + " days; limit " + min + "). " + costText)
                .monthlyCostUsd(cost.monthlyUsd()).build());
    }

    /** Sum of the volumes' monthly costs; unknown if any one is unknown. */
    static MonthlyCost attachedCost(List<Volume> volumes, CheckContext ctx) {
        MonthlyCost sum = MonthlyCost.zero();
        for (Volume vol : volumes) {
            sum = sum.plus(VolumePricing.monthly(ctx.region(), vol, ctx.prices()));
        }
        return sum;
    }
}
