package cloud.consolesensei.ebs;

import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.util.List;

/**
 * {@code ebs.snapshot_public}: an own snapshot restorable by everyone (createVolumePermission
 * group {@code all}), as listed by DescribeSnapshots OwnerIds=self, RestorableByUserIds=all, unless
 * the region's block public access for snapshots state is {@code block-all-sharing} (AWS then
 * treats such snapshots as private; {@code block-new-sharing} leaves them public). A snapshot
 * shared with named accounts only is not in that list, so not public. Not evaluated when the list
 * or the state could not be read (unknown is not "off").
 */
public final class SnapshotPublicCheck extends CatalogCheck<OwnSnapshot> {

    public static final CheckDefinition DEFINITION = new CheckDefinition("ebs.snapshot_public",
            "Public EBS snapshot", Severity.CRITICAL, "ec2", "EBS snapshot",
            "own snapshot restorable by everyone (createVolumePermission group all; DescribeSnapshots with "
                    + "OwnerIds=self and RestorableByUserIds=all lists them in one call), unless the region's snapshot "
                    + "block public access state (GetSnapshotBlockPublicAccessState) is `block-all-sharing`; shared "
                    + "with named accounts only is not public.",
            "Anyone with an AWS account can create a volume from a public snapshot and read all its data.",
            "Console: EC2 > Snapshots > select > Actions > Snapshot settings > Modify permissions > Private; "
                    + "also consider EC2 > Settings > Block public access for snapshots. CLI: aws ec2 "
                    + "modify-snapshot-attribute --snapshot-id <id> --attribute createVolumePermission "
                    + "--operation-type remove --group-names all",
            List.of("ec2:DescribeSnapshots", "ec2:GetSnapshotBlockPublicAccessState"),
            List.of("AWS Foundational Security Best Practices EC2.1", "Share an Amazon EBS snapshot"), List.of());

    public SnapshotPublicCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(OwnSnapshot os, CheckContext ctx) {
        if (!Boolean.TRUE.equals(os.facts().publiclyRestorable(os.snapshot().snapshotId()))) return List.of();
        return one(ctx, os.snapshot().snapshotId(), "Snapshot " + os.snapshot().snapshotId() + " (" + os.snapshot().volumeSize() + " GiB, of "
                        + os.snapshot().volumeId() + (Boolean.TRUE.equals(os.snapshot().encrypted()) ? ", encrypted"
                        : ", unencrypted") + ") can be restored by every AWS account (createVolumePermission group all;"
                        + " the region's block public access for snapshots is " + os.facts().blockPublicAccess() + ").");
    }
}
