package cloud.consolesensei.ebs;

import java.util.Set;

import software.amazon.awssdk.services.ec2.model.Snapshot;

/**
 * One snapshot owned by the audited account, with the region-wide facts the snapshot checks
 * need besides the snapshot itself.
 *
 * @param snapshot the snapshot as DescribeSnapshots (OwnerIds=self) returned it
 * @param facts    the (account, region) facts, read once per read
 */
public record OwnSnapshot(Snapshot snapshot, Facts facts) {

    /**
     * Facts about the region, each {@code null} when it could not be read (a coverage gap was
     * recorded): a check needing a {@code null} fact says nothing.
     *
     * @param volumeIds         ids of every volume in the region (DescribeVolumes)
     * @param amiSnapshotIds    snapshot ids referenced by the account's own AMIs
     *                          (DescribeImages Owners=self, BlockDeviceMappings[].Ebs.SnapshotId)
     * @param publicSnapshotIds own snapshots restorable by everyone
     *                          (DescribeSnapshots OwnerIds=self, RestorableByUserIds=all)
     */
    public record Facts(Set<String> volumeIds, Set<String> amiSnapshotIds, Set<String> publicSnapshotIds) {

        public Facts {
            volumeIds = volumeIds == null ? null : Set.copyOf(volumeIds);
            amiSnapshotIds = amiSnapshotIds == null ? null : Set.copyOf(amiSnapshotIds);
            publicSnapshotIds = publicSnapshotIds == null ? null : Set.copyOf(publicSnapshotIds);
        }
    }
}
