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
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * EC2 instances of one region, streamed from the DescribeInstances paginator (reservations, then
 * their instances); instances {@code terminated} or {@code shutting-down} are skipped (checks.md).
 * For each {@code stopped} instance one DescribeVolumes call filtered by
 * {@code attachment.instance-id} reads the attached volumes, whose monthly cost
 * {@code ec2.instance_stopped_long} reports. IAM: ec2:DescribeInstances, ec2:DescribeVolumes.
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
        return ctx.stream("ec2", "DescribeInstances",
                        () -> ec2.describeInstancesPaginator(r -> { }).reservations().stream())
                .flatMap(r -> r.instances().stream())
                .filter(i -> i.state() == null || !SKIPPED.contains(i.state().nameAsString()))
                .map(i -> new InstanceView(i, isStopped(i) ? attachedVolumes(ctx, ec2, i) : null));
    }

    private static boolean isStopped(Instance i) {
        return i.state() != null && "stopped".equals(i.state().nameAsString());
    }

    private static List<Volume> attachedVolumes(ReadContext ctx, Ec2Client ec2, Instance i) {
        // Without MaxResults DescribeVolumes answers every match at once; an instance has few volumes.
        return ctx.call("ec2", "DescribeVolumes", "instance " + i.instanceId(),
                        () -> ec2.describeVolumes(r -> r.filters(Filter.builder().name("attachment.instance-id")
                                .values(i.instanceId()).build())).volumes())
                .orElse(null);
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
