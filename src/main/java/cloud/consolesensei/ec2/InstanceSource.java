package cloud.consolesensei.ec2;

import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.InventorySheet;
import cloud.consolesensei.collect.InventorySheet.Column;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.ebs.VolumePricing;

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
 * their instances); instances {@code terminated} or {@code shutting-down} are skipped (checks.md).
 * The volumes attached to {@code stopped} instances, whose monthly cost
 * {@code ec2.instance_stopped_long} reports, are read per page of instances: one DescribeVolumes
 * (paginated) filtered by {@code attachment.instance-id} with up to {@value #IDS_PER_CALL} of the
 * page's stopped instance IDs as values (EC2 joins a filter's values with OR), not one call per
 * instance. IAM: ec2:DescribeInstances, ec2:DescribeVolumes.
 */
public final class InstanceSource implements ResourceSource<InstanceView> {

    private static final Set<String> SKIPPED = Set.of("terminated", "shutting-down");

    static final InventorySheet SHEET = new InventorySheet("EC2 Instances", List.of(
            Column.text("Instance ID"), Column.text("Name"), Column.text("Type"), Column.text("State"),
            Column.text("Availability Zone"), Column.date("Launch time"), Column.text("Platform"),
            Column.text("Public IP"), Column.text("Private IP"), Column.text("IMDS tokens"), Column.text("VPC"),
            Column.date("Stopped since"), Column.usd("Attached EBS monthly cost (USD)"), Column.text("Tags")));

    private final List<Check<InstanceView>> checks = List.of(new InstanceStoppedLongCheck(),
            new InstancePreviousGenerationCheck(), new InstanceImdsV1Check(), new InstanceMissingTagsCheck());

    @Override
    public String id() {
        return "ec2.instances";
    }

    @Override
    public Scope scope() {
        return Scope.REGIONAL;
    }

    @Override
    public Stream<InstanceView> read(ReadContext ctx) {
        Ec2Client ec2 = ctx.clients().ec2(ctx.account(), ctx.region());
        return ctx.stream("ec2", "DescribeInstances", () -> ec2.describeInstancesPaginator(r -> { }).stream())
                .flatMap(page -> views(ctx, ec2, page.reservations().stream().flatMap(r -> r.instances().stream())
                        .filter(i -> i.state() == null || !SKIPPED.contains(i.state().nameAsString())).toList()).stream());
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

    private static boolean isStopped(Instance i) {
        return i.state() != null && "stopped".equals(i.state().nameAsString());
    }

    @Override
    public List<Check<InstanceView>> checks() {
        return checks;
    }

    @Override
    public InventorySheet sheet() {
        return SHEET;
    }

    @Override
    public InventoryRow inventoryRow(InstanceView v, CheckContext ctx) {
        Instance i = v.instance();
        VolumePricing.Cost ebs = v.attachedVolumes() == null ? null
                : InstanceStoppedLongCheck.attachedCost(v.attachedVolumes(), ctx);
        return new InventoryRow(SHEET.name(), ctx.accountId(), ctx.region(), i.instanceId(), Arrays.asList(
                i.instanceId(), Tags.name(i.tags()), i.instanceTypeAsString(), v.state(),
                i.placement() == null ? null : i.placement().availabilityZone(), i.launchTime(),
                i.platformDetails(), v.publicIp(), i.privateIpAddress(),
                i.metadataOptions() == null ? null : i.metadataOptions().httpTokensAsString(), i.vpcId(),
                isStopped(i) ? StopDate.parse(i.stateTransitionReason())
                        .map(t -> t.atZone(ZoneOffset.UTC).toLocalDate()).orElse(null) : null,
                ebs != null && ebs.known() ? ebs.monthlyUsd().setScale(2, RoundingMode.HALF_UP) : null,
                Tags.asText(i.tags())));
    }
}
