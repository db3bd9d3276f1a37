package cloud.consolesensei.autoscaling;

import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Severity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;

/**
 * {@code asg.elb_health_check_off} (docs/checks.md): the group has Classic Load Balancers
 * (LoadBalancerNames), target groups (TargetGroupARNs) or ELB traffic sources, but its
 * HealthCheckType is EC2 (AWS's default when empty), so instances failing the load balancer's
 * health check are never replaced.
 */
public final class ElbHealthCheckOffCheck extends AsgCheck {

    public static final CheckDefinition DEFINITION = definition("asg.elb_health_check_off",
            "Auto Scaling group behind a load balancer ignores its health checks", Severity.LOW,
            "group has load balancers or target groups but HealthCheckType = EC2.",
            "Instances the load balancer marks unhealthy keep running and are never replaced, so capacity silently shrinks.",
            "Console: EC2 > Auto Scaling groups > the group > Details > Health checks > Edit: turn on Elastic Load Balancing health checks. "
                    + "CLI: aws autoscaling update-auto-scaling-group --auto-scaling-group-name GROUP "
                    + "--health-check-type ELB --health-check-grace-period 300",
            List.of("AWS Security Hub AutoScaling.1", "Amazon EC2 Auto Scaling User Guide: Health checks"));

    public ElbHealthCheckOffCheck() {
        super(DEFINITION);
    }

    /** Number of load balancers, target groups and ELB traffic sources attached. */
    static int loadBalancers(AutoScalingGroup g) {
        long traffic = g.trafficSources().stream()
                .filter(t -> t.type() == null || t.type().toLowerCase(Locale.ROOT).startsWith("elb"))
                .map(t -> t.identifier()).filter(id -> !g.targetGroupARNs().contains(id)
                        && !g.loadBalancerNames().contains(id))
                .count();
        return g.loadBalancerNames().size() + g.targetGroupARNs().size() + (int) traffic;
    }

    /** The health check types, EC2 when none is given. */
    static List<String> healthCheckTypes(AutoScalingGroup g) {
        String t = g.healthCheckType();
        if (t == null || t.isBlank()) return List.of("EC2");
        return Arrays.stream(t.split(",")).map(String::trim).map(s -> s.toUpperCase(Locale.ROOT)).toList();
    }

    @Override
    public Optional<String> failure(AutoScalingGroup g) {
        int lbs = loadBalancers(g);
        if (lbs == 0 || healthCheckTypes(g).contains("ELB")) return Optional.empty();
        return Optional.of("Group " + g.autoScalingGroupName() + " has " + lbs
                + " load balancer(s)/target group(s) but health check type " + String.join(",", healthCheckTypes(g)) + ".");
    }
}
