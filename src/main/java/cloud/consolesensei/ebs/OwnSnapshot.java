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
     * @param blockPublicAccess the region's block public access for snapshots state as
     *                          GetSnapshotBlockPublicAccessState returned it ({@code block-all-sharing},
     *                          {@code block-new-sharing}, {@code unblocked}); {@code null} when it could
     *                          not be read, or was not needed because no own snapshot is public
     */
    public record Facts(Set<String> volumeIds, Set<String> amiSnapshotIds, Set<String> publicSnapshotIds,
                        String blockPublicAccess) {

        /** The state that makes snapshots shared with {@code all} private again (Amazon EBS User Guide). */
        public static final String BLOCK_ALL_SHARING = "block-all-sharing";

        public Facts {
            volumeIds = volumeIds == null ? null : Set.copyOf(volumeIds);
            amiSnapshotIds = amiSnapshotIds == null ? null : Set.copyOf(amiSnapshotIds);
            publicSnapshotIds = publicSnapshotIds == null ? null : Set.copyOf(publicSnapshotIds);
        }

        /**
         * Whether everyone can restore {@code snapshotId}: TRUE when it is shared with {@code all}
         * and the region's state is read and is not {@code block-all-sharing}; FALSE when it is not
         * shared with {@code all} or the region blocks all sharing; {@code null} (unknown) when the
         * list or the state could not be read.
         */
        public Boolean publiclyRestorable(String snapshotId) {
            if (publicSnapshotIds == null) return null;
            if (!publicSnapshotIds.contains(snapshotId)) return false;
            if (blockPublicAccess == null) return null;
            return !BLOCK_ALL_SHARING.equals(blockPublicAccess);
        }
    }
}
