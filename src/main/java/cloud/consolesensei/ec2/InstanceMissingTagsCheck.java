package cloud.consolesensei.ec2;

import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.check.SettingSpec;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.util.List;

/**
 * {@code ec2.instance_missing_tags}: the instance lacks one or more of the {@code required-tags}
 * keys (default Owner, CostCenter; keys compare case-sensitively, as EC2's do). One finding per
 * instance naming every missing key.
 */
public final class InstanceMissingTagsCheck extends CatalogCheck<InstanceView> {

    public static final String REQUIRED_TAGS = "required-tags";

    public static final CheckDefinition DEFINITION = new CheckDefinition("ec2.instance_missing_tags",
            "Instance missing required tags", Severity.LOW, "ec2", "EC2 instance",
            "lacks a required tag key (default: Owner, CostCenter).",
            "Untagged instances cannot be charged back or traced to an owner, so nobody cleans them up.",
            "Console: EC2 > Instances > select > Tags > Manage tags > add the missing keys. "
                    + "CLI: aws ec2 create-tags --resources <id> --tags Key=Owner,Value=<team> "
                    + "Key=CostCenter,Value=<code>. Enforce with AWS Organizations tag policies.",
            List.of("ec2:DescribeInstances"),
            List.of("Tagging best practices (AWS whitepaper)"),
            List.of(SettingSpec.list(REQUIRED_TAGS, List.of("Owner", "CostCenter"), "tag keys every instance must have")));

    public InstanceMissingTagsCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(InstanceView v, CheckContext ctx) {
        List<String> missing = list(ctx, REQUIRED_TAGS).stream()
                .filter(k -> v.instance().tags().stream().noneMatch(t -> k.equals(t.key())))
                .toList();
        if (missing.isEmpty()) return List.of();
        String id = v.instance().instanceId();
        return one(ctx, id, "Instance " + id + " lacks required tag(s): " + String.join(", ", missing) + ".");
    }
}
