package cloud.consolesensei.ebs;

import cloud.consolesensei.price.MonthlyCost;
import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.check.MoneyKind;
import cloud.consolesensei.check.SettingSpec;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;
import cloud.consolesensei.usage.VolumeMetrics;

import java.util.List;
import java.util.stream.Collectors;

import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;

/**
 * {@code ebs.volume_idle} (docs/checks.md, "Usage"): an attached ({@code in-use}) volume with a
 * VolumeReadOps and a VolumeWriteOps datapoint on each of the {@code days} (7) complete UTC days
 * before the as-of date, every one of them 0: no I/O at all. A day without both datapoints means
 * the volume is not judged idle; a volume with no datapoint, or whose metrics could not be read, is
 * not evaluated. LOW. Cost: the volume's monthly price, as {@code ebs.volume_unattached}.
 */
public final class VolumeIdleCheck extends CatalogCheck<VolumeView> {

    public static final String DAYS = "days";

    public static final CheckDefinition DEFINITION = new CheckDefinition("ebs.volume_idle",
            "Idle EBS volume", Severity.LOW, "ec2", "EBS volume",
            "attached (`in-use`) volume with a VolumeReadOps and a VolumeWriteOps datapoint on each of the 7 "
                    + "complete UTC days before the as-of date, and a VolumeReadOps and VolumeWriteOps Sum of 0 on "
                    + "every one of them (no I/O at all).",
            "the volume's monthly price, as `ebs.volume_unattached`",
            "An attached volume with no reads or writes for a week is billed in full for storage nobody uses.",
            "Confirm the instance does not need it (a volume kept for a rare job may be fine), snapshot it, then"
                    + " detach and delete it: Console: EC2 > Elastic Block Store > Volumes > select > Actions >"
                    + " Create snapshot, Detach volume, Delete volume. CLI: aws ec2 create-snapshot --volume-id <id>"
                    + " && aws ec2 detach-volume --volume-id <id> && aws ec2 delete-volume --volume-id <id>",
            List.of("ec2:DescribeVolumes", "cloudwatch:GetMetricData"),
            List.of("AWS Trusted Advisor: Underutilized Amazon EBS Volumes", "Amazon EBS pricing"),
            List.of(SettingSpec.integer(DAYS, 7, "complete UTC days before the as-of date that are read")),
            MoneyKind.SAVINGS);

    public VolumeIdleCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(VolumeView view, CheckContext ctx) {
        Volume v = view.volume();
        VolumeMetrics m = view.metrics();
        if (!"in-use".equals(v.stateAsString()) || m == null || m.noData() || !m.noIo()) return List.of();
        MonthlyCost cost = VolumePricing.monthly(ctx.region(), v, ctx.prices());
        String attached = v.attachments().stream().map(VolumeAttachment::instanceId).collect(Collectors.joining(", "));
        String detail = "Volume " + v.volumeId() + " (" + v.volumeTypeAsString() + ", " + v.size() + " GiB)"
                + (attached.isEmpty() ? "" : " attached to " + attached) + " had no I/O on any of the last "
                + m.window().days() + " days (" + m.window() + "): VolumeReadOps and VolumeWriteOps were 0 every day. "
                + cost.sentence("Costs");
        return List.of(finding(ctx, v.volumeId()).detail(detail).monthlyCostUsd(cost.monthlyUsd()).build());
    }
}
