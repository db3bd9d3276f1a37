package cloud.consolesensei.ebs;

import cloud.consolesensei.price.MonthlyCost;
import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.check.MoneyKind;
import cloud.consolesensei.check.SettingSpec;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.util.List;

import software.amazon.awssdk.services.ec2.model.Snapshot;

/**
 * {@code ebs.snapshot_old}: an own snapshot started more than {@code max-age-days} (default 90)
 * days before the as-of date. Cost: {@link VolumePricing#snapshotUpperBound}.
 */
public final class SnapshotOldCheck extends CatalogCheck<OwnSnapshot> {

    public static final String MAX_AGE_DAYS = "max-age-days";

    public static final CheckDefinition DEFINITION = new CheckDefinition("ebs.snapshot_old",
            "Old EBS snapshot", Severity.LOW, "ec2", "EBS snapshot",
            "own snapshot (OwnerIds = self) older than 90 days.",
            "VolumeSize x snapshot GB-month price (an upper bound: snapshots are incremental; say so)",
            "Old snapshots are often forgotten backups that keep being billed; keep them under a retention policy.",
            "Console: EC2 > Elastic Block Store > Snapshots, owned by me, sort by Started; delete the ones no "
                    + "retention need keeps (or archive them), and automate retention with Amazon Data Lifecycle "
                    + "Manager. CLI: aws ec2 delete-snapshot --snapshot-id <id> (or aws ec2 modify-snapshot-tier "
                    + "--snapshot-id <id> --storage-tier archive)",
            List.of("ec2:DescribeSnapshots"), List.of("Amazon EBS pricing", "Amazon Data Lifecycle Manager"),
            List.of(SettingSpec.integer(MAX_AGE_DAYS, 90, "age in days above which an own snapshot is reported")),
            MoneyKind.SAVINGS);

    public SnapshotOldCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(OwnSnapshot os, CheckContext ctx) {
        Snapshot s = os.snapshot();
        Long age = SnapshotSource.ageDays(s, ctx);
        int max = integer(ctx, MAX_AGE_DAYS);
        if (age == null || age <= max) return List.of();
        MonthlyCost cost = VolumePricing.snapshotUpperBound(ctx.region(), s.volumeSize(), ctx.prices());
        return List.of(finding(ctx, s.snapshotId())
                .detail("Snapshot " + s.snapshotId() + " of " + s.volumeId() + " was started "
                        + s.startTime().toString().substring(0, 10) + ", " + age + " days ago (limit " + max + "). "
                        + SnapshotSource.costSentence(cost, s))
                .monthlyCostUsd(cost.monthlyUsd()).build());
    }
}
