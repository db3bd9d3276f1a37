package cloud.consolesensei.ebs;

import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.util.List;

/**
 * {@code ebs.snapshot_public}: an own snapshot restorable by everyone (createVolumePermission
 * group {@code all}), as listed by DescribeSnapshots OwnerIds=self, RestorableByUserIds=all. Not
 * evaluated when that list could not be read.
 */
public final class SnapshotPublicCheck implements Check<OwnSnapshot> {

    public static final CheckDefinition DEFINITION = new CheckDefinition("ebs.snapshot_public",
            "Public EBS snapshot", Severity.CRITICAL, "ec2", "EBS snapshot",
            "Anyone with an AWS account can create a volume from a public snapshot and read all its data.",
            "Console: EC2 > Snapshots > select > Actions > Snapshot settings > Modify permissions > Private; "
                    + "also consider EC2 > Settings > Block public access for snapshots. CLI: aws ec2 "
                    + "modify-snapshot-attribute --snapshot-id <id> --attribute createVolumePermission "
                    + "--operation-type remove --group-names all",
            List.of("ec2:DescribeSnapshots"),
            List.of("AWS Foundational Security Best Practices EC2.1", "Share an Amazon EBS snapshot"), List.of());

    @Override
    public CheckDefinition definition() {
        return DEFINITION;
    }

    @Override
    public List<Finding> evaluate(OwnSnapshot os, CheckContext ctx) {
        var pub = os.facts().publicSnapshotIds();
        if (pub == null || !pub.contains(os.snapshot().snapshotId())) return List.of();
        return List.of(ctx.finding(DEFINITION, os.snapshot().snapshotId())
                .detail("Snapshot " + os.snapshot().snapshotId() + " (" + os.snapshot().volumeSize() + " GiB, of "
                        + os.snapshot().volumeId() + (Boolean.TRUE.equals(os.snapshot().encrypted()) ? ", encrypted"
                        : ", unencrypted") + ") can be restored by every AWS account (createVolumePermission group all).")
                .build());
    }
}
