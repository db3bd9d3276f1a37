package cloud.consolesensei.autoscaling;

import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Severity;

import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;

/** {@code asg.single_az} (docs/checks.md): the group's AvailabilityZones list has one zone. */
public final class SingleAzCheck extends AsgCheck {

    public static final CheckDefinition DEFINITION = definition("asg.single_az",
            "Auto Scaling group spans one Availability Zone", Severity.MEDIUM,
            "group spans one Availability Zone.",
            "An outage of that one zone takes down every instance of the group.",
            "Console: EC2 > Auto Scaling groups > the group > Details > Network > Edit: add subnets in other Availability Zones. "
                    + "CLI: aws autoscaling update-auto-scaling-group --auto-scaling-group-name GROUP "
                    + "--vpc-zone-identifier \"subnet-a,subnet-b,subnet-c\"",
            List.of("AWS Security Hub AutoScaling.2", "Amazon EC2 Auto Scaling User Guide: Availability Zones"));

    public SingleAzCheck() {
        super(DEFINITION);
    }

    @Override
    public Optional<String> failure(AutoScalingGroup g) {
        List<String> zones = g.availabilityZones().stream().distinct().toList();
        if (zones.size() != 1) return Optional.empty();
        return Optional.of("Group " + g.autoScalingGroupName() + " runs only in " + zones.get(0) + ".");
    }
}
