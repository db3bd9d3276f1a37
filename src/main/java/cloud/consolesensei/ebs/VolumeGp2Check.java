package cloud.consolesensei.ebs;

import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.math.BigDecimal;
import java.util.List;

import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * {@code ebs.volume_gp2}: a gp2 volume. Cost: gp2 monthly price less the price of the gp3 volume
 * that matches it ({@link VolumePricing#gp3Replacement}: same size, plus the IOPS above 3,000 that
 * gp2's 3 IOPS/GiB baseline gives volumes above 1,000 GiB). A saving at or below zero is said
 * so, with cost 0.
 */
public final class VolumeGp2Check implements Check<Volume> {

    public static final CheckDefinition DEFINITION = new CheckDefinition("ebs.volume_gp2",
            "gp2 volume (gp3 is cheaper)", Severity.LOW, "ec2", "EBS volume",
            "gp3 costs 20 % less per GiB than gp2 and gives 3,000 IOPS and 125 MiB/s whatever its size.",
            "Elastic Volumes changes the type online. Console: Volumes > select > Actions > Modify volume > "
                    + "Volume type gp3 (set IOPS to the gp2 baseline, 3 per GiB, when above 3,000). "
                    + "CLI: aws ec2 modify-volume --volume-id <id> --volume-type gp3 [--iops <3 x GiB>]",
            List.of("ec2:DescribeVolumes"),
            List.of("Amazon EBS pricing", "Migrate Amazon EBS volumes from gp2 to gp3 (AWS blog)"), List.of());

    @Override
    public CheckDefinition definition() {
        return DEFINITION;
    }

    @Override
    public List<Finding> evaluate(Volume v, CheckContext ctx) {
        if (!"gp2".equals(v.volumeTypeAsString()) || VolumeSource.goingAway(v)) return List.of();
        String head = "Volume " + v.volumeId() + " is gp2, " + v.size() + " GiB ("
                + (v.size() == null ? "?" : VolumePricing.gp2BaselineIops(v.size())) + " baseline IOPS). ";
        if (v.size() == null) {
            return List.of(ctx.finding(DEFINITION, v.volumeId())
                    .detail(head + "Volume size not reported: saving left empty.").build());
        }
        VolumePricing.Cost gp2 = VolumePricing.monthly(ctx.region(), v, ctx.prices());
        VolumePricing.Cost gp3 = VolumePricing.gp3Replacement(ctx.region(), v.size(), ctx.prices());
        if (!gp2.known() || !gp3.known()) {
            String note = gp2.known() ? gp3.note() : gp2.note();
            return List.of(ctx.finding(DEFINITION, v.volumeId()).detail(head + note).build());
        }
        int extraIops = Math.max(0, VolumePricing.gp2BaselineIops(v.size()) - VolumePricing.GP3_FREE_IOPS);
        BigDecimal saving = gp2.monthlyUsd().subtract(gp3.monthlyUsd());
        String compare = "gp2 costs " + VolumePricing.usd(gp2.monthlyUsd()) + "/month; gp3"
                + (extraIops > 0 ? " with " + extraIops + " IOPS above the 3,000 included (to match)" : "")
                + " costs " + VolumePricing.usd(gp3.monthlyUsd()) + "/month";
        if (saving.signum() <= 0) {
            return List.of(ctx.finding(DEFINITION, v.volumeId())
                    .detail(head + compare + ": no saving at matching IOPS.").monthlyCostUsd(BigDecimal.ZERO).build());
        }
        return List.of(ctx.finding(DEFINITION, v.volumeId())
                .detail(head + compare + ": moving saves " + VolumePricing.usd(saving) + "/month.")
                .monthlyCostUsd(saving).build());
    }
}
