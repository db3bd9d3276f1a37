package cloud.consolesensei.ebs;

import cloud.consolesensei.price.MonthlyCost;
import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.check.MoneyKind;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.util.List;

import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * {@code ebs.volume_unattached}: a volume in state {@code available} is billed while nothing uses
 * it. Cost: the volume's whole monthly price ({@link VolumePricing#monthly}).
 */
public final class VolumeUnattachedCheck extends CatalogCheck<Volume> {

    public static final CheckDefinition DEFINITION = new CheckDefinition("ebs.volume_unattached",
            "Unattached EBS volume", Severity.MEDIUM, "ec2", "EBS volume",
            "volume state `available`.",
            "GB-month x size, plus provisioned IOPS / throughput above the free baseline",
            "An unattached volume is billed every month for storage (and provisioned IOPS/throughput) that nothing uses.",
            "Console: EC2 > Elastic Block Store > Volumes, filter State = Available; snapshot the volume if its data "
                    + "may be needed, then Actions > Delete volume. CLI: aws ec2 create-snapshot --volume-id <id> "
                    + "&& aws ec2 delete-volume --volume-id <id>",
            List.of("ec2:DescribeVolumes"),
            List.of("Amazon EBS pricing", "AWS Trusted Advisor: Underutilized Amazon EBS Volumes"), List.of(),
            MoneyKind.SAVINGS);

    public VolumeUnattachedCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(Volume v, CheckContext ctx) {
        if (!"available".equals(v.stateAsString())) return List.of();
        MonthlyCost cost = VolumePricing.monthly(ctx.region(), v, ctx.prices());
        String detail = "Volume " + v.volumeId() + " (" + v.volumeTypeAsString() + ", " + v.size() + " GiB"
                + (v.iops() == null ? "" : ", " + v.iops() + " IOPS")
                + (v.throughput() == null ? "" : ", " + v.throughput() + " MiB/s")
                + ") is in state available: attached to no instance"
                + (v.createTime() == null ? "" : ", created " + v.createTime().toString().substring(0, 10))
                + ". " + cost.sentence("Costs");
        return List.of(finding(ctx, v.volumeId()).detail(detail).monthlyCostUsd(cost.monthlyUsd()).build());
    }
}
