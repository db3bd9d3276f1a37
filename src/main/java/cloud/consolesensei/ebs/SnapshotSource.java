package cloud.consolesensei.ebs;

import cloud.consolesensei.price.MonthlyCost;
import cloud.consolesensei.cost.CostFormat;
import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.InventorySheet;
import cloud.consolesensei.collect.InventorySheet.Column;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.AbstractResourceSource;
import cloud.consolesensei.ec2.Tags;

import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * The account's own EBS snapshots in one region: DescribeSnapshots with {@code OwnerIds=self}
 * (without it the call lists every public snapshot in the region too), paginated. On the first
 * snapshot it reads, once per (account, region), the facts the snapshot checks need
 * ({@link OwnSnapshot.Facts}): every volume id (DescribeVolumes), the snapshot ids of own AMIs
 * (DescribeImages Owners=self) and the own snapshots restorable by all (DescribeSnapshots
 * OwnerIds=self, RestorableByUserIds=all) and, when one of them is shared with {@code all}, the
 * region's block public access for snapshots state (GetSnapshotBlockPublicAccessState): with
 * {@code block-all-sharing} those snapshots are private again. A fact whose read recorded a gap
 * stays {@code null}.
 * IAM: ec2:DescribeSnapshots, ec2:DescribeVolumes, ec2:DescribeImages,
 * ec2:GetSnapshotBlockPublicAccessState.
 */
public final class SnapshotSource extends AbstractResourceSource<OwnSnapshot> {

    static final InventorySheet SHEET = new InventorySheet("EBS Snapshots", List.of(
            Column.text("Snapshot ID"), Column.text("Name"), Column.text("Description"), Column.text("Volume ID"),
            Column.number("Volume size (GiB)"), Column.date("Started"), Column.number("Age (days)"),
            Column.text("State"), Column.bool("Encrypted"), Column.bool("Public"), Column.bool("Volume exists"),
            Column.bool("Used by own AMI"), Column.usd("Monthly cost upper bound (USD)"), Column.text("Tags")));

    public SnapshotSource() {
        super("ebs.snapshots", Scope.REGIONAL, SHEET, List.of(new SnapshotOldCheck(), new SnapshotOrphanedCheck(),
                new SnapshotPublicCheck()));
    }

    @Override
    public Stream<OwnSnapshot> read(ReadContext ctx) {
        Ec2Client ec2 = ctx.clients().ec2(ctx.account(), ctx.region());
        Supplier<OwnSnapshot.Facts> facts = memoize(() -> facts(ctx, ec2));
        return ctx.stream("ec2", "DescribeSnapshots",
                        () -> ec2.describeSnapshotsPaginator(r -> r.ownerIds("self")).snapshots().stream())
                .map(s -> new OwnSnapshot(s, facts.get()));
    }

    /**
     * Reads the region's facts; each is {@code null} when its read recorded a gap. Only ids are kept:
     * each listing is mapped to ids while its pages stream, so a region's SDK objects are never held
     * together (about 100 bytes per volume id: 10,000 volumes are about 1 MiB for the partition).
     */
    static OwnSnapshot.Facts facts(ReadContext ctx, Ec2Client ec2) {
        Set<String> volumes = CompleteRead.all(ctx, "ec2", "DescribeVolumes",
                        () -> ec2.describeVolumesPaginator(r -> { }).volumes().stream().map(Volume::volumeId))
                .map(Set::copyOf).orElse(null);
        Set<String> amiSnapshots = CompleteRead.all(ctx, "ec2", "DescribeImages",
                        () -> ec2.describeImagesPaginator(r -> r.owners("self")).images().stream()
                                .flatMap(i -> i.blockDeviceMappings().stream())
                                .map(BlockDeviceMapping::ebs).filter(Objects::nonNull)
                                .map(e -> e.snapshotId()).filter(Objects::nonNull))
                .map(Set::copyOf).orElse(null);
        Set<String> publicSnapshots = CompleteRead.all(ctx, "ec2", "DescribeSnapshots",
                        () -> ec2.describeSnapshotsPaginator(r -> r.ownerIds("self").restorableByUserIds("all"))
                                .snapshots().stream().map(Snapshot::snapshotId))
                .map(Set::copyOf).orElse(null);
        // the state matters only for a snapshot shared with all: no call, and no gap, where none is
        String blockState = publicSnapshots == null || publicSnapshots.isEmpty() ? null
                : ctx.call("ec2", "GetSnapshotBlockPublicAccessState",
                        () -> blockState(ec2)).orElse(null);
        return new OwnSnapshot.Facts(volumes, amiSnapshots, publicSnapshots, blockState);
    }

    /** @throws SdkClientException when the answer has no state (a malformed answer: a coverage gap) */
    private static String blockState(Ec2Client ec2) {
        String state = ec2.getSnapshotBlockPublicAccessState(r -> { }).stateAsString();
        if (state == null || state.isBlank()) {
            throw SdkClientException.create("GetSnapshotBlockPublicAccessState answer has no state");
        }
        return state;
    }

    private static <T> Supplier<T> memoize(Supplier<T> s) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) value = s.get();
                return value;
            }
        };
    }

    @Override
    public InventoryRow inventoryRow(OwnSnapshot os, CheckContext ctx) {
        Snapshot s = os.snapshot();
        OwnSnapshot.Facts f = os.facts();
        MonthlyCost cost = VolumePricing.snapshotUpperBound(ctx.region(), s.volumeSize(), ctx.prices());
        return new InventoryRow(SHEET.name(), ctx.accountId(), ctx.region(), s.snapshotId(), Arrays.asList(
                s.snapshotId(), Tags.name(s.tags()), s.description(), s.volumeId(), s.volumeSize(),
                s.startTime() == null ? null : s.startTime().atZone(ZoneOffset.UTC).toLocalDate(),
                ageDays(s, ctx), s.stateAsString(), s.encrypted(),
                f.publiclyRestorable(s.snapshotId()),
                f.volumeIds() == null ? null : f.volumeIds().contains(s.volumeId()),
                f.amiSnapshotIds() == null ? null : f.amiSnapshotIds().contains(s.snapshotId()),
                cost.cell(), Tags.asText(s.tags())));
    }

    /** Whole days from the snapshot's start (UTC date) to the as-of date, or {@code null} if no start time. */
    static Long ageDays(Snapshot s, CheckContext ctx) {
        return s.startTime() == null ? null
                : ChronoUnit.DAYS.between(s.startTime().atZone(ZoneOffset.UTC).toLocalDate(), ctx.asOf());
    }

    /** The cost sentence shared by the snapshot cost checks, ending with the upper-bound caveat. */
    static String costSentence(MonthlyCost cost, Snapshot s) {
        return cost.known()
                ? "At most " + CostFormat.usd(cost.monthlyUsd()) + "/month (" + s.volumeSize()
                        + " GiB source volume; an upper bound: snapshots are incremental, so the billed size is"
                        + " usually smaller)."
                : cost.note();
    }
}
