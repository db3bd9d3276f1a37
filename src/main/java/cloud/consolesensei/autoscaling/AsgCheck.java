package cloud.consolesensei.autoscaling;

import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;

/**
 * A check of one Auto Scaling group (DescribeAutoScalingGroups model); findings are keyed by the
 * group's name, in the audited region.
 */
public abstract class AsgCheck extends CatalogCheck<AutoScalingGroup> {

    /** Every Auto Scaling check reads this one API. */
    static final List<String> IAM_ACTIONS = List.of("autoscaling:DescribeAutoScalingGroups");

    /** A catalog entry for an Auto Scaling check. */
    static CheckDefinition definition(String id, String title, Severity severity, String rule, String risk, String remediation,
                                      List<String> references) {
        return new CheckDefinition(id, title, severity, "autoscaling", "Auto Scaling group", rule, risk, remediation,
                IAM_ACTIONS, references, List.of());
    }

    /** @param definition the check's catalog entry, made by the static {@code definition(...)} */
    protected AsgCheck(CheckDefinition definition) {
        super(definition);
    }

    @Override
    public final List<Finding> evaluate(AutoScalingGroup group, CheckContext context) {
        return failure(group).map(detail -> one(context, group.autoScalingGroupName(), detail)).orElse(List.of());
    }

    /** The finding's detail when the group fails the check, else empty. */
    public abstract Optional<String> failure(AutoScalingGroup group);
}
