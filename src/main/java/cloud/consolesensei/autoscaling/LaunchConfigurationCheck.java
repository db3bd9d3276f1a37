package cloud.consolesensei.autoscaling;

import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Severity;

import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;

/**
 * {@code asg.launch_configuration} (docs/checks.md): the group launches from a launch configuration,
 * not a launch template; a template under MixedInstancesPolicy counts as a template.
 */
public final class LaunchConfigurationCheck extends AsgCheck {

    public static final CheckDefinition DEFINITION = definition("asg.launch_configuration",
            "Auto Scaling group uses a launch configuration", Severity.LOW,
            "group uses a launch configuration instead of a launch template (a template under "
                    + "MixedInstancesPolicy counts as a template).",
            "Launch configurations get no new EC2 features (no new instance types since 2023, no IMDSv2 defaults, no versioning) and AWS is retiring them.",
            "Console: EC2 > Auto Scaling groups > the group > Actions > Copy to launch template (or create one), then Details > Launch template > Edit and select it. "
                    + "CLI: aws autoscaling update-auto-scaling-group --auto-scaling-group-name GROUP "
                    + "--launch-template LaunchTemplateName=TEMPLATE,Version='$Latest'",
            List.of("AWS Security Hub AutoScaling.9", "Amazon EC2 Auto Scaling User Guide: Migrate to launch templates"));

    public LaunchConfigurationCheck() {
        super(DEFINITION);
    }

    /** True when the group launches from a template, directly or under a mixed instances policy. */
    static boolean usesTemplate(AutoScalingGroup g) {
        return g.launchTemplate() != null
                || g.mixedInstancesPolicy() != null && g.mixedInstancesPolicy().launchTemplate() != null;
    }

    @Override
    public Optional<String> failure(AutoScalingGroup g) {
        String lc = g.launchConfigurationName();
        if (lc == null || lc.isBlank() || usesTemplate(g)) return Optional.empty();
        return Optional.of("Group " + g.autoScalingGroupName() + " launches from launch configuration " + lc + ".");
    }
}
