package cloud.consolesensei.autoscaling;

import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.InventorySheet;
import cloud.consolesensei.collect.InventorySheet.Column;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.AbstractResourceSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;

/**
 * The Auto Scaling groups of one region: {@code DescribeAutoScalingGroups} streamed page by page
 * through the SDK paginator (NextToken). A failure on any page is a coverage gap of
 * (account, region, autoscaling, DescribeAutoScalingGroups); groups already streamed stay.
 */
public final class AutoScalingGroupSource extends AbstractResourceSource<AutoScalingGroup> {

    public static final InventorySheet SHEET = new InventorySheet("Auto Scaling Groups", List.of(
            Column.text("Group"), Column.text("Launch template / configuration"), Column.number("Min"),
            Column.number("Max"), Column.number("Desired"), Column.number("Instances"),
            Column.text("Availability Zones"), Column.text("Health check type"),
            Column.number("Load balancers / target groups"), Column.date("Created")));

    public AutoScalingGroupSource() {
        super("autoscaling.groups", Scope.REGIONAL, SHEET, List.of(new SingleAzCheck(), new LaunchConfigurationCheck(),
                new ElbHealthCheckOffCheck()));
    }

    @Override
    public Stream<AutoScalingGroup> read(ReadContext ctx) {
        return ctx.stream("autoscaling", "DescribeAutoScalingGroups", () -> ctx.clients()
                .autoScaling(ctx.account(), ctx.region())
                .describeAutoScalingGroupsPaginator(r -> r.maxRecords(100))
                .autoScalingGroups().stream());
    }

    @Override
    public InventoryRow inventoryRow(AutoScalingGroup g, CheckContext context) {
        return new InventoryRow(SHEET.name(), context.accountId(), context.region(), g.autoScalingGroupName(),
                Arrays.asList(g.autoScalingGroupName(), launchedFrom(g), g.minSize(), g.maxSize(), g.desiredCapacity(),
                        g.instances().size(), String.join(", ", g.availabilityZones()),
                        String.join(",", ElbHealthCheckOffCheck.healthCheckTypes(g)),
                        ElbHealthCheckOffCheck.loadBalancers(g), g.createdTime()));
    }

    /** "template NAME (version)", "mixed: template NAME (version)" or "configuration NAME". */
    static String launchedFrom(AutoScalingGroup g) {
        if (g.launchTemplate() != null) return "template " + template(g.launchTemplate());
        if (g.mixedInstancesPolicy() != null && g.mixedInstancesPolicy().launchTemplate() != null
                && g.mixedInstancesPolicy().launchTemplate().launchTemplateSpecification() != null) {
            return "mixed: template " + template(g.mixedInstancesPolicy().launchTemplate().launchTemplateSpecification());
        }
        return g.launchConfigurationName() == null ? null : "configuration " + g.launchConfigurationName();
    }

    private static String template(LaunchTemplateSpecification t) {
        String name = t.launchTemplateName() != null ? t.launchTemplateName() : t.launchTemplateId();
        return t.version() == null ? name : name + " (" + t.version() + ")";
    }
}
