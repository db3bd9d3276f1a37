package cloud.consolesensei.ebs;

import cloud.consolesensei.price.MonthlyCost;
import cloud.consolesensei.cost.CostFormat;
import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.check.MoneyKind;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * {@code ebs.volume_gp2}: a gp2 volume. Cost: gp2 monthly price less the price of the gp3 volume
 * that matches it ({@link VolumePricing#gp3Replacement}: same size, plus the IOPS above 3,000 that
 * gp2's 3 IOPS/GiB baseline gives volumes above 1,000 GiB, plus 125 MiB/s above gp3's included 125
 * for volumes above 170 GiB, where gp2 delivers up to 250 MiB/s). A volume whose saving is zero or
 * less is not a finding (docs/checks.md). A saving that cannot be priced keeps the finding with an
 * empty cost and says why.
 */
public final class VolumeGp2Check extends CatalogCheck<Volume> {

    public static final CheckDefinition DEFINITION = new CheckDefinition("ebs.volume_gp2",
            "gp2 volume (gp3 is cheaper)", Severity.LOW, "ec2", "EBS volume",
            "gp2 volume (gp3 is 20 % cheaper per GB). The gp3 replacement must match the gp2 volume's IOPS "
                    + "(3 per GiB, at least 100, at most 16,000; gp3 includes 3,000) and throughput (gp3 includes 125 "
                    + "MiB/s, taken as matching gp2 at 170 GiB or less; above 170 GiB gp2 delivers up to 250 MiB/s, so "
                    + "125 MiB/s more is priced). The saving is gp2's monthly price less gp3's storage, extra IOPS and "
                    + "extra throughput; a volume whose saving is not positive is not a finding.",
            "saving of gp2 -> gp3, less the gp3 IOPS and throughput needed to match the gp2 volume (see the "
                    + "rule)",
            "gp3 costs 20 % less per GiB than gp2 and gives 3,000 IOPS and 125 MiB/s whatever its size.",
            "Elastic Volumes changes the type online. Console: Volumes > select > Actions > Modify volume > "
                    + "Volume type gp3 (set IOPS to the gp2 baseline, 3 per GiB, when above 3,000, and throughput to "
                    + "250 MiB/s above 170 GiB). "
                    + "CLI: aws ec2 modify-volume --volume-id <id> --volume-type gp3 [--iops <3 x GiB>] [--throughput 250]",
            List.of("ec2:DescribeVolumes"),
            List.of("Amazon EBS pricing", "Migrate Amazon EBS volumes from gp2 to gp3 (AWS blog)"), List.of(),
            MoneyKind.SAVINGS);

    public VolumeGp2Check() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(Volume v, CheckContext ctx) {
        if (!"gp2".equals(v.volumeTypeAsString()) || VolumeSource.goingAway(v)) return List.of();
        String head = "Volume " + v.volumeId() + " is gp2, " + v.size() + " GiB ("
                + (v.size() == null ? "?" : VolumePricing.gp2BaselineIops(v.size())) + " baseline IOPS). ";
        if (v.size() == null) {
            return one(ctx, v.volumeId(), head + "Volume size not reported: saving left empty.");
        }
        MonthlyCost gp2 = VolumePricing.monthly(ctx.region(), v, ctx.prices());
        MonthlyCost gp3 = VolumePricing.gp3Replacement(ctx.region(), v.size(), ctx.prices());
        if (!gp2.known() || !gp3.known()) {
            String note = gp2.known() ? gp3.note() : gp2.note();
            return one(ctx, v.volumeId(), head + note);
        }
        int extraIops = Math.max(0, VolumePricing.gp2BaselineIops(v.size()) - VolumePricing.GP3_FREE_IOPS);
        int extraThroughput = VolumePricing.gp2MatchingThroughput(v.size()) - VolumePricing.GP3_FREE_THROUGHPUT;
        BigDecimal saving = gp2.monthlyUsd().subtract(gp3.monthlyUsd());
        if (saving.signum() <= 0) return List.of();
        List<String> extras = new ArrayList<>();
        if (extraIops > 0) extras.add(extraIops + " IOPS above the 3,000 included");
        if (extraThroughput > 0) extras.add(extraThroughput + " MiB/s above the 125 MiB/s included");
        String compare = "gp2 costs " + CostFormat.usd(gp2.monthlyUsd()) + "/month; gp3"
                + (extras.isEmpty() ? "" : " with " + String.join(" and ", extras) + " (to match gp2)")
                + " costs " + CostFormat.usd(gp3.monthlyUsd()) + "/month";
        return List.of(finding(ctx, v.volumeId())
                .detail(head + compare + ": moving saves " + CostFormat.usd(saving) + "/month.")
                .monthlyCostUsd(saving).build());
    }
}
