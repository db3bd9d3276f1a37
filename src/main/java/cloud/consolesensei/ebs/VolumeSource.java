package cloud.consolesensei.ebs;

import cloud.consolesensei.price.MonthlyCost;
import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.MappedCheck;
import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.InventorySheet.Column;
import cloud.consolesensei.collect.InventorySheet;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.AbstractResourceSource;
import cloud.consolesensei.ec2.Tags;
import cloud.consolesensei.usage.Batches;
import cloud.consolesensei.usage.MetricDataReader;
import cloud.consolesensei.usage.MetricDataUsage;
import cloud.consolesensei.usage.MetricQuery;
import cloud.consolesensei.usage.MetricResults;
import cloud.consolesensei.usage.MetricWindow;
import cloud.consolesensei.usage.VolumeMetrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * <p>
 * For {@code ebs.volume_idle}, in-use volumes are read in batches of up to
 * {@value #METRIC_QUERIES_PER_BATCH} CloudWatch queries (two per volume, across DescribeVolumes
 * pages): one GetMetricData stream per batch ({@link MetricDataReader}, at most 500 queries a call).
 * IAM: cloudwatch:GetMetricData.
 */
public final class VolumeSource extends AbstractResourceSource<VolumeView> {

    static final InventorySheet SHEET = new InventorySheet("EBS Volumes", List.of(
            Column.text("Volume ID"), Column.text("Name"), Column.text("Type"), Column.number("Size (GiB)"),
            Column.number("IOPS"), Column.number("Throughput (MiB/s)"), Column.text("State"),
            Column.bool("Encrypted"), Column.text("Availability Zone"), Column.text("Attached to"),
            Column.date("Created"), Column.usd("Monthly cost (USD)"), Column.text("Cost note"), Column.text("Tags"),
            Column.number("Read ops (window)"), Column.number("Write ops (window)"), Column.number("Days with data"),
            Column.text("Usage note")));

    /** Queries per metric batch: three full GetMetricData calls. */
    static final int METRIC_QUERIES_PER_BATCH = 3 * MetricDataReader.MAX_QUERIES_PER_CALL;
    /** Volumes held at most while a batch fills (volumes not in use need no query). */
    static final int MAX_BATCH_VOLUMES = 2000;

    private final MetricDataUsage metricUsage;

    /** A source counting its GetMetricData calls on its own (tests). */
    public VolumeSource() {
        this(new MetricDataUsage());
    }

    /** @param metricUsage counts GetMetricData calls and metrics for the run summary */
    public VolumeSource(MetricDataUsage metricUsage) {
        super("ebs.volumes", Scope.REGIONAL, SHEET, List.of(new MappedCheck<>(VolumeView::volume, new VolumeUnattachedCheck()),
                new MappedCheck<>(VolumeView::volume, new VolumeGp2Check()),
                new MappedCheck<>(VolumeView::volume, new VolumeUnencryptedCheck()), new VolumeIdleCheck()));
        this.metricUsage = metricUsage;
    }

    @Override
    public Stream<VolumeView> read(ReadContext ctx) {
        Stream<Volume> volumes = ctx.stream("ec2", "DescribeVolumes",
                () -> ctx.clients().ec2(ctx.account(), ctx.region()).describeVolumesPaginator(r -> { })
                        .volumes().stream());
        if (!ctx.settings().enabled(VolumeIdleCheck.DEFINITION.id())) return volumes.map(VolumeView::of);
        MetricDataReader reader = new MetricDataReader(ctx, metricUsage);
        MetricWindow window = MetricWindow.before(ctx.asOf(),
                Math.max(1, ctx.settings().integer(VolumeIdleCheck.DEFINITION.id(), VolumeIdleCheck.DAYS)));
        return Batches.of(volumes, v -> inUse(v) ? 2 : 0, METRIC_QUERIES_PER_BATCH, MAX_BATCH_VOLUMES,
                batch -> withUsage(reader, window, batch));
    }

    /** The batch's volumes, the in-use ones with their CloudWatch figures. */
    private static List<VolumeView> withUsage(MetricDataReader reader, MetricWindow window, List<Volume> batch) {
        List<MetricQuery> queries = new ArrayList<>();
        for (Volume v : batch) {
            if (inUse(v)) queries.addAll(VolumeMetrics.queries(v.volumeId()));
        }
        MetricResults results = queries.isEmpty() ? null : reader.read(window, queries);
        List<VolumeView> out = new ArrayList<>(batch.size());
        for (Volume v : batch) {
            if (!inUse(v)) {
                out.add(VolumeView.of(v));
                continue;
            }
            String unreadable = results.unreadable(v.volumeId());
            out.add(new VolumeView(v, unreadable == null ? VolumeMetrics.of(window, results, v.volumeId()) : null,
                    unreadable));
        }
        return out;
    }

    private static boolean inUse(Volume v) {
        return "in-use".equals(v.stateAsString());
    }

    @Override
    public InventoryRow inventoryRow(VolumeView view, CheckContext ctx) {
        Volume v = view.volume();
        VolumeMetrics m = view.metrics();
        boolean data = m != null && !m.noData();
        MonthlyCost cost = VolumePricing.monthly(ctx.region(), v, ctx.prices());
        String attached = v.attachments().stream().map(VolumeAttachment::instanceId).collect(Collectors.joining(", "));
        return new InventoryRow(SHEET.name(), ctx.accountId(), ctx.region(), v.volumeId(), Arrays.asList(
                v.volumeId(), Tags.name(v.tags()), v.volumeTypeAsString(), v.size(), v.iops(), v.throughput(),
                v.stateAsString(), v.encrypted(), v.availabilityZone(), attached,
                v.createTime() == null ? null : v.createTime().atZone(ZoneOffset.UTC).toLocalDate(),
                cost.cell(), cost.note(),
                Tags.asText(v.tags()), data ? ops(m.readOps().sum()) : null, data ? ops(m.writeOps().sum()) : null,
                data ? m.window().days() - m.missingDays().size() : null,
                view.metricsNote() != null ? view.metricsNote()
                        : m != null && m.noData() ? "no CloudWatch datapoint in " + m.window() : null));
    }

    private static BigDecimal ops(double sum) {
        return BigDecimal.valueOf(sum).setScale(0, RoundingMode.HALF_UP);
    }

    /** True for volumes on their way out (deleting, deleted): no advice is worth giving about them. */
    static boolean goingAway(Volume v) {
        String s = v.stateAsString();
        return "deleting".equals(s) || "deleted".equals(s);
    }
}
