package cloud.consolesensei.demo;

import cloud.consolesensei.aws.AccountTarget;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplate;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.LifecycleState;
import software.amazon.awssdk.services.autoscaling.model.MixedInstancesPolicy;

/**
 * Demo fake of {@link AutoScalingClient}: the demo accounts' Auto Scaling groups, served two per
 * page with a NextToken, as DescribeAutoScalingGroups pages. Operations it does not override
 * throw {@link UnsupportedOperationException}, which the readers report as a coverage gap.
 * <p>
 * demo-production us-east-1: a clean web group, a clean mixed-instances group (template under
 * MixedInstancesPolicy), and a batch group on a launch configuration in one zone; eu-west-1: a clean
 * group and one behind a target group with EC2 health checks. demo-staging us-east-1: a one-zone
 * group behind a Classic Load Balancer with EC2 health checks and a clean worker.
 */
final class DemoAutoScaling {

    /** The SDK interface with the demo's shared parts ({@link DemoClient}). */
    private interface Fake extends AutoScalingClient, DemoClient {
    }

    private static final int PAGE_SIZE = 2;

    /** Kinds of demo group, named after what they show. */
    private enum Launch { TEMPLATE, MIXED, CONFIGURATION }

    private record DemoGroup(String name, Launch launch, List<String> zones, List<String> targetGroups,
                             List<String> classicLbs, String healthCheckType, int size, int ageDays) {
    }

    private static final Map<String, List<DemoGroup>> GROUPS = Map.of(
            DemoEstate.PRODUCTION.id() + "|us-east-1", List.of(
                    new DemoGroup("prod-web", Launch.TEMPLATE, List.of("us-east-1a", "us-east-1b", "us-east-1c"),
                            List.of(targetGroup("111111111111", "us-east-1", "prod-web")), List.of(), "ELB", 3, 700),
                    new DemoGroup("prod-api-spot", Launch.MIXED, List.of("us-east-1a", "us-east-1b"),
                            List.of(targetGroup("111111111111", "us-east-1", "prod-api")), List.of(), "ELB", 4, 300),
                    new DemoGroup("prod-batch-legacy", Launch.CONFIGURATION, List.of("us-east-1a"),
                            List.of(), List.of(), "EC2", 1, 1900)),
            DemoEstate.PRODUCTION.id() + "|eu-west-1", List.of(
                    new DemoGroup("prod-web-eu", Launch.TEMPLATE, List.of("eu-west-1a", "eu-west-1b"),
                            List.of(targetGroup("111111111111", "eu-west-1", "prod-web-eu")), List.of(), "ELB", 2, 500),
                    new DemoGroup("prod-reports-eu", Launch.TEMPLATE, List.of("eu-west-1a", "eu-west-1c"),
                            List.of(targetGroup("111111111111", "eu-west-1", "prod-reports")), List.of(), "EC2", 2, 420)),
            DemoEstate.STAGING.id() + "|us-east-1", List.of(
                    new DemoGroup("staging-web", Launch.TEMPLATE, List.of("us-east-1b"),
                            List.of(), List.of("staging-web-clb"), "EC2", 1, 250),
                    new DemoGroup("staging-worker", Launch.TEMPLATE, List.of("us-east-1a", "us-east-1b"),
                            List.of(), List.of(), "EC2", 2, 90)));

    private DemoAutoScaling() {
    }

    /** A client serving {@code account}'s demo groups in {@code region}, dated from {@code asOf}. */
    static AutoScalingClient client(AccountTarget account, String region, LocalDate asOf) {
        List<DemoGroup> groups = GROUPS.getOrDefault(account.id() + "|" + region, List.of());
        return new Fake() {
            @Override
            public DescribeAutoScalingGroupsResponse describeAutoScalingGroups(DescribeAutoScalingGroupsRequest request) {
                int from = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
                int to = Math.min(groups.size(), from + PAGE_SIZE);
                List<AutoScalingGroup> page = new ArrayList<>();
                for (DemoGroup g : groups.subList(from, to)) {
                    page.add(group(account, region, asOf, g));
                }
                return DescribeAutoScalingGroupsResponse.builder().autoScalingGroups(page)
                        .nextToken(to < groups.size() ? Integer.toString(to) : null).build();
            }
        };
    }

    private static AutoScalingGroup group(AccountTarget account, String region, LocalDate asOf, DemoGroup g) {
        LaunchTemplateSpecification template = LaunchTemplateSpecification.builder()
                .launchTemplateId("lt-0" + Integer.toHexString(g.name().hashCode()))
                .launchTemplateName(g.name() + "-template").version("$Latest").build();
        AutoScalingGroup.Builder b = AutoScalingGroup.builder()
                .autoScalingGroupName(g.name())
                .autoScalingGroupARN("arn:aws:autoscaling:" + region + ":" + account.id()
                        + ":autoScalingGroup:00000000-0000-4000-8000-000000000000:autoScalingGroupName/" + g.name())
                .minSize(g.size()).maxSize(g.size() * 2).desiredCapacity(g.size()).defaultCooldown(300)
                .availabilityZones(g.zones()).targetGroupARNs(g.targetGroups()).loadBalancerNames(g.classicLbs())
                .healthCheckType(g.healthCheckType()).healthCheckGracePeriod(300)
                .createdTime(asOf.minusDays(g.ageDays()).atStartOfDay(ZoneOffset.UTC).toInstant())
                .instances(instances(g));
        switch (g.launch()) {
            case TEMPLATE -> b.launchTemplate(template);
            case MIXED -> b.mixedInstancesPolicy(MixedInstancesPolicy.builder()
                    .launchTemplate(LaunchTemplate.builder().launchTemplateSpecification(template).build()).build());
            case CONFIGURATION -> b.launchConfigurationName(g.name() + "-lc-2019");
        }
        return b.build();
    }

    private static List<Instance> instances(DemoGroup g) {
        List<Instance> list = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            list.add(Instance.builder().instanceId(String.format("i-0%016x", (long) (g.name() + i).hashCode() & 0xffffffffL))
                    .availabilityZone(g.zones().get(i % g.zones().size())).lifecycleState(LifecycleState.IN_SERVICE)
                    .healthStatus("Healthy").protectedFromScaleIn(false).build());
        }
        return list;
    }

    private static String targetGroup(String account, String region, String name) {
        return "arn:aws:elasticloadbalancing:" + region + ":" + account + ":targetgroup/" + name + "/0123456789abcdef";
    }
}
