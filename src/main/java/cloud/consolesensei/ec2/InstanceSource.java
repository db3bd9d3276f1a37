package cloud.consolesensei.ec2;

import cloud.consolesensei.price.MonthlyCost;
import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.InventorySheet;
import cloud.consolesensei.collect.InventorySheet.Column;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.AbstractResourceSource;
import cloud.consolesensei.ebs.VolumePricing;
import cloud.consolesensei.price.OnDemandPrice;
import cloud.consolesensei.price.PriceList;
import cloud.consolesensei.price.PriceListUsage;
import cloud.consolesensei.price.PriceStore;
import cloud.consolesensei.usage.Batches;
import cloud.consolesensei.usage.InstanceMetrics;
import cloud.consolesensei.usage.MetricDataReader;
import cloud.consolesensei.usage.MetricDataUsage;
import cloud.consolesensei.usage.MetricQuery;
import cloud.consolesensei.usage.MetricResults;
import cloud.consolesensei.usage.MetricWindow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * EC2 instances of one region, streamed from the DescribeInstances paginator (reservations, then
 * their instances); instances {@code terminated} or {@code shutting-down} are skipped (docs/checks.md).
 * The volumes attached to {@code stopped} instances, whose monthly cost
 * {@code ec2.instance_stopped_long} reports, are read per page of instances: one DescribeVolumes
 * (paginated) filtered by {@code attachment.instance-id} with up to {@value #IDS_PER_CALL} of the
 * page's stopped instance IDs as values (EC2 joins a filter's values with OR), not one call per
 * instance. IAM: ec2:DescribeInstances, ec2:DescribeVolumes.
 * <p>
 * For {@code ec2.instance_idle}, running instances are read in batches of up to
 * {@value #METRIC_QUERIES_PER_BATCH} CloudWatch queries (three per instance, so up to 500 instances,
 * across DescribeInstances pages): one GetMetricData stream per batch ({@link MetricDataReader}, at
 * most 500 queries a call), and each running instance's on-demand price from the AWS Price List
 * ({@link PriceList}, cached per key and month). IAM: cloudwatch:GetMetricData, pricing:GetProducts.
 */
public final class InstanceSource extends AbstractResourceSource<InstanceView> {

    private static final Set<String> SKIPPED = Set.of("terminated", "shutting-down");

    static final InventorySheet SHEET = new InventorySheet("EC2 Instances", List.of(
            Column.text("Instance ID"), Column.text("Name"), Column.text("Type"), Column.text("State"),
            Column.text("Availability Zone"), Column.date("Launch time"), Column.text("Platform"),
            Column.text("Public IP"), Column.text("Private IP"), Column.text("IMDS tokens"), Column.text("VPC"),
            Column.date("Stopped since"), Column.usd("Attached EBS monthly cost (USD)"), Column.text("Tags"),
            Column.number("Avg CPU %"), Column.number("Idle days"), Column.number("Days with data"),
            Column.usd("On-demand monthly (USD)"), Column.text("Usage and price note")));

    /** Queries per metric batch: three full GetMetricData calls. */
    static final int METRIC_QUERIES_PER_BATCH = 3 * MetricDataReader.MAX_QUERIES_PER_CALL;
    /** Instances held at most while a batch fills (stopped ones need no query). */
    static final int MAX_BATCH_INSTANCES = 2000;

    private final MetricDataUsage metricUsage;
    private final PriceList priceList;

    /** A source counting its calls on its own, with prices cached in memory (tests). */
    public InstanceSource() {
        this(new MetricDataUsage(), new PriceList(PriceStore.inMemory(), new PriceListUsage()));
    }

    /**
     * @param metricUsage counts GetMetricData calls and metrics for the run summary
     * @param priceList   the on-demand prices of running instances
     */
    public InstanceSource(MetricDataUsage metricUsage, PriceList priceList) {
        super("ec2.instances", Scope.REGIONAL, SHEET, List.of(new InstanceStoppedLongCheck(),
                new InstancePreviousGenerationCheck(), new InstanceImdsV1Check(), new InstanceMissingTagsCheck(),
                new InstanceIdleCheck()));
        this.metricUsage = metricUsage;
        this.priceList = priceList;
    }

    @Override
    public Stream<InstanceView> read(ReadContext ctx) {
        Ec2Client ec2 = ctx.clients().ec2(ctx.account(), ctx.region());
        Stream<InstanceView> views = ctx.stream("ec2", "DescribeInstances", () -> ec2.describeInstancesPaginator(r -> { }).stream())
                .flatMap(page -> views(ctx, ec2, page.reservations().stream().flatMap(r -> r.instances().stream())
                        .filter(i -> i.state() == null || !SKIPPED.contains(i.state().nameAsString())).toList()).stream());
        if (!ctx.settings().enabled(InstanceIdleCheck.DEFINITION.id())) return views;
        MetricDataReader reader = new MetricDataReader(ctx, metricUsage);
        MetricWindow window = MetricWindow.before(ctx.asOf(),
                Math.max(1, ctx.settings().integer(InstanceIdleCheck.DEFINITION.id(), InstanceIdleCheck.DAYS)));
        return Batches.of(views, v -> isRunning(v.instance()) ? 3 : 0, METRIC_QUERIES_PER_BATCH, MAX_BATCH_INSTANCES,
                batch -> withUsage(ctx, reader, window, batch));
    }

    /** The batch's running instances with their CloudWatch figures and on-demand price. */
    private List<InstanceView> withUsage(ReadContext ctx, MetricDataReader reader, MetricWindow window,
                                         List<InstanceView> batch) {
        List<MetricQuery> queries = new ArrayList<>();
        for (InstanceView v : batch) {
            if (isRunning(v.instance())) queries.addAll(InstanceMetrics.queries(v.instance().instanceId()));
        }
        if (queries.isEmpty()) return batch;
        MetricResults results = reader.read(window, queries);
        List<InstanceView> out = new ArrayList<>(batch.size());
        for (InstanceView v : batch) {
            if (!isRunning(v.instance())) {
                out.add(v);
                continue;
            }
            String id = v.instance().instanceId();
            String unreadable = results.unreadable(id);
            out.add(v.withUsage(unreadable == null ? InstanceMetrics.of(window, results, id) : null, unreadable,
                    price(ctx, v.instance())));
        }
        return out;
    }

    private OnDemandPrice price(ReadContext ctx, Instance i) {
        String notOnDemand = InstancePricing.notOnDemand(i);
        if (notOnDemand != null) return OnDemandPrice.unknown(notOnDemand);
        InstancePricing.Lookup lookup = InstancePricing.of(i, ctx.region(), ctx.asOf());
        return lookup.key() == null ? OnDemandPrice.unknown(lookup.reason()) : priceList.hourly(ctx, lookup.key());
    }

    private static boolean isRunning(Instance i) {
        return i.state() != null && "running".equals(i.state().nameAsString());
    }

    /** Filter values per DescribeVolumes call (EC2 accepts up to 200 values for a filter). */
    static final int IDS_PER_CALL = 100;

    private static List<InstanceView> views(ReadContext ctx, Ec2Client ec2, List<Instance> page) {
        List<String> stopped = page.stream().filter(InstanceSource::isStopped).map(Instance::instanceId).toList();
        Map<String, List<Volume>> attached = new HashMap<>();
        Set<String> unknown = new HashSet<>();
        for (int from = 0; from < stopped.size(); from += IDS_PER_CALL) {
            List<String> ids = stopped.subList(from, Math.min(stopped.size(), from + IDS_PER_CALL));
            ctx.call("ec2", "DescribeVolumes", (ids.size() == 1 ? "instance " : "instances ") + String.join(", ", ids),
                            () -> ec2.describeVolumesPaginator(r -> r.filters(Filter.builder().name("attachment.instance-id")
                                    .values(ids).build())).volumes().stream().toList())
                    .ifPresentOrElse(vols -> {
                        for (String id : ids) attached.put(id, new ArrayList<>());
                        // a Multi-Attach volume counts for every stopped instance it is attached to
                        for (Volume v : vols) {
                            v.attachments().forEach(a -> {
                                List<Volume> l = attached.get(a.instanceId());
                                if (l != null && !l.contains(v)) l.add(v);
                            });
                        }
                    }, () -> unknown.addAll(ids));
        }
        return page.stream().map(i -> new InstanceView(i, !isStopped(i) || unknown.contains(i.instanceId()) ? null
                : List.copyOf(attached.get(i.instanceId())))).toList();
    }

    /** HttpTokens, with the endpoint when it is disabled (then IMDSv1 answers nothing). */
    private static String imdsTokens(Instance i) {
        if (i.metadataOptions() == null) return null;
        String tokens = i.metadataOptions().httpTokensAsString();
        return "disabled".equals(i.metadataOptions().httpEndpointAsString()) ? tokens + " (endpoint disabled)" : tokens;
    }

    private static boolean isStopped(Instance i) {
        return i.state() != null && "stopped".equals(i.state().nameAsString());
    }

    @Override
    public InventoryRow inventoryRow(InstanceView v, CheckContext ctx) {
        Instance i = v.instance();
        MonthlyCost ebs = v.attachedVolumes() == null ? null
                : InstanceStoppedLongCheck.attachedCost(v.attachedVolumes(), ctx);
        Object[] u = usage(v, ctx);
        return new InventoryRow(SHEET.name(), ctx.accountId(), ctx.region(), i.instanceId(), Arrays.asList(
                i.instanceId(), Tags.name(i.tags()), i.instanceTypeAsString(), v.state(),
                i.placement() == null ? null : i.placement().availabilityZone(), i.launchTime(),
                i.platformDetails(), v.publicIp(), i.privateIpAddress(),
                imdsTokens(i), i.vpcId(),
                isStopped(i) ? StopDate.parse(i.stateTransitionReason())
                        .map(t -> t.atZone(ZoneOffset.UTC).toLocalDate()).orElse(null) : null,
                ebs == null ? null : ebs.cell(),
                Tags.asText(i.tags()), u[0], u[1], u[2],
                v.price() == null ? null : v.price().monthly().cell(),
                usageNote(v)));
    }

    /** Average CPU % (2 places), idle days and days with every datapoint; nulls when not read. */
    private static Object[] usage(InstanceView v, CheckContext ctx) {
        InstanceMetrics m = v.metrics();
        if (m == null || m.noData()) return new Object[3];
        return new Object[] {m.averageCpu().map(c -> BigDecimal.valueOf(c).setScale(2, RoundingMode.HALF_UP)).orElse(null),
                InstanceIdleCheck.idleDays(m, ctx).size(),
                m.days().stream().filter(d -> d.cpuPercent().isPresent() && d.networkBytes().isPresent()).count()};
    }

    private static String usageNote(InstanceView v) {
        List<String> notes = new ArrayList<>();
        if (v.metricsNote() != null) notes.add(v.metricsNote());
        else if (v.metrics() != null && v.metrics().noData()) notes.add("no CloudWatch datapoint in " + v.metrics().window());
        if (v.price() != null && !v.price().known()) notes.add(v.price().note());
        return notes.isEmpty() ? null : String.join("; ", notes);
    }
}
