package cloud.consolesensei.ebs;

import cloud.consolesensei.price.MonthlyCost;
import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.check.MoneyKind;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.util.List;

import software.amazon.awssdk.services.ec2.model.Snapshot;

/**
 * {@code ebs.snapshot_orphaned}: an own snapshot whose source volume no longer exists in the region
 * and that no own AMI uses. Copies and imports carry the placeholder VolumeId {@value #NO_SOURCE_VOLUME}
 * (Amazon EC2 API Reference, Snapshot): they never had a source volume here, so they are never
 * orphaned; neither is a snapshot with no VolumeId at all. Not evaluated when the volume list or
 * the AMI list could not be read.
 * Cost: {@link VolumePricing#snapshotUpperBound}.
 */
public final class SnapshotOrphanedCheck extends CatalogCheck<OwnSnapshot> {

    /** The VolumeId of a snapshot copied (CopySnapshot) or imported (ImportSnapshot), not taken from a volume. */
    public static final String NO_SOURCE_VOLUME = "vol-ffffffff";

    public static final CheckDefinition DEFINITION = new CheckDefinition("ebs.snapshot_orphaned",
            "Orphaned EBS snapshot", Severity.LOW, "ec2", "EBS snapshot",
            "own snapshot whose source volume no longer exists and that no own AMI uses (copies and imports, "
                    + "whose VolumeId is `vol-ffffffff`, never had a source volume here: not orphaned).",
            "VolumeSize x snapshot GB-month price (an upper bound: snapshots are incremental; say so)",
            "A snapshot of a deleted volume that no AMI uses is usually a leftover nobody restores, billed every month.",
            "Check the snapshot's description and tags for an owner; if nothing needs it: Console: EC2 > Snapshots > "
                    + "select > Actions > Delete snapshot. CLI: aws ec2 delete-snapshot --snapshot-id <id>",
            List.of("ec2:DescribeSnapshots", "ec2:DescribeVolumes", "ec2:DescribeImages"),
            List.of("Amazon EBS pricing"), List.of(),
            MoneyKind.SAVINGS);

    public SnapshotOrphanedCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(OwnSnapshot os, CheckContext ctx) {
        OwnSnapshot.Facts f = os.facts();
        Snapshot s = os.snapshot();
        if (s.volumeId() == null || NO_SOURCE_VOLUME.equals(s.volumeId())) return List.of();
        if (f.volumeIds() == null || f.amiSnapshotIds() == null) return List.of();
        if (f.volumeIds().contains(s.volumeId()) || f.amiSnapshotIds().contains(s.snapshotId())) return List.of();
        MonthlyCost cost = VolumePricing.snapshotUpperBound(ctx.region(), s.volumeSize(), ctx.prices());
        return List.of(finding(ctx, s.snapshotId())
                .detail("Snapshot " + s.snapshotId() + ": its source volume " + s.volumeId()
                        + " no longer exists and no AMI of this account uses it. "
                        + SnapshotSource.costSentence(cost, s))
                .monthlyCostUsd(cost.monthlyUsd()).build());
    }
}
