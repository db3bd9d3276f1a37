package cloud.consolesensei.ebs;

import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.InventorySheet;
import cloud.consolesensei.collect.InventorySheet.Column;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.ec2.Tags;

import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;

/**
 * EBS volumes of one region, streamed page by page from DescribeVolumes (ec2:DescribeVolumes),
 * judged by {@code ebs.volume_unattached}, {@code ebs.volume_gp2} and {@code ebs.volume_unencrypted};
 * fills the "EBS Volumes" sheet with each volume's monthly cost.
 */
public final class VolumeSource implements ResourceSource<Volume> {

    static final InventorySheet SHEET = new InventorySheet("EBS Volumes", List.of(
            Column.text("Volume ID"), Column.text("Name"), Column.text("Type"), Column.number("Size (GiB)"),
            Column.number("IOPS"), Column.number("Throughput (MiB/s)"), Column.text("State"),
            Column.bool("Encrypted"), Column.text("Availability Zone"), Column.text("Attached to"),
            Column.date("Created"), Column.usd("Monthly cost (USD)"), Column.text("Cost note"), Column.text("Tags")));

    private final List<Check<Volume>> checks = List.of(new VolumeUnattachedCheck(), new VolumeGp2Check(),
            new VolumeUnencryptedCheck());

    @Override
    public String id() {
        return "ebs.volumes";
    }

    @Override
    public Scope scope() {
        return Scope.REGIONAL;
    }

    @Override
    public Stream<Volume> read(ReadContext ctx) {
        return ctx.stream("ec2", "DescribeVolumes",
                () -> ctx.clients().ec2(ctx.account(), ctx.region()).describeVolumesPaginator(r -> { })
                        .volumes().stream());
    }

    @Override
    public List<Check<Volume>> checks() {
        return checks;
    }

    @Override
    public InventorySheet sheet() {
        return SHEET;
    }

    @Override
    public InventoryRow inventoryRow(Volume v, CheckContext ctx) {
        VolumePricing.Cost cost = VolumePricing.monthly(ctx.region(), v, ctx.prices());
        String attached = v.attachments().stream().map(VolumeAttachment::instanceId).collect(Collectors.joining(", "));
        return new InventoryRow(SHEET.name(), ctx.accountId(), ctx.region(), v.volumeId(), Arrays.asList(
                v.volumeId(), Tags.name(v.tags()), v.volumeTypeAsString(), v.size(), v.iops(), v.throughput(),
                v.stateAsString(), v.encrypted(), v.availabilityZone(), attached,
                v.createTime() == null ? null : v.createTime().atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                cost.known() ? cost.monthlyUsd().setScale(2, RoundingMode.HALF_UP) : null, cost.note(),
                Tags.asText(v.tags())));
    }

    /** True for volumes on their way out (deleting, deleted): no advice is worth giving about them. */
    static boolean goingAway(Volume v) {
        String s = v.stateAsString();
        return "deleting".equals(s) || "deleted".equals(s);
    }
}
