package cloud.consolesensei.ec2;

import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.check.SettingSpec;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code ec2.instance_previous_generation}: the instance type's family (the part before the dot:
 * {@code m4} of {@code m4.large}) is in the configurable {@code families} list. A type that is
 * absent or does not read as {@code family.size} gives an INFO finding with the raw value rather
 * than being dropped.
 */
public final class InstancePreviousGenerationCheck extends CatalogCheck<InstanceView> {

    public static final String FAMILIES = "families";
    static final List<String> DEFAULT_FAMILIES = List.of("t1", "t2", "m1", "m2", "m3", "m4", "c1", "c3", "c4",
            "r3", "r4", "i2", "d2", "g2", "g3", "p2", "x1");
    private static final Pattern TYPE = Pattern.compile("([a-z][a-z0-9-]*)\\.[a-z0-9-]+");

    public static final CheckDefinition DEFINITION = new CheckDefinition("ec2.instance_previous_generation",
            "Previous-generation instance type", Severity.LOW, "ec2", "EC2 instance",
            "instance family in the configurable superseded list (default t1, t2, m1, m2, m3, m4, c1, c3, "
                    + "c4, r3, r4, i2, d2, g2, g3, p2, x1: families AWS has replaced with cheaper, faster ones, even "
                    + "where it still sells them).",
            "AWS has replaced these families with current ones that cost less for the same or better performance.",
            "Pick the current family (e.g. t2 -> t3/t4g, m4 -> m6i/m7g, c4 -> c6i, r4 -> r6i). Console: EC2 > "
                    + "Instances > stop the instance > Actions > Instance settings > Change instance type > start. "
                    + "CLI: aws ec2 stop-instances --instance-ids <id> && aws ec2 modify-instance-attribute "
                    + "--instance-id <id> --instance-type \"{\\\"Value\\\": \\\"m6i.large\\\"}\" && "
                    + "aws ec2 start-instances --instance-ids <id>",
            List.of("ec2:DescribeInstances"),
            List.of("Amazon EC2 previous generation instances"),
            List.of(SettingSpec.list(FAMILIES, DEFAULT_FAMILIES, "instance families reported as superseded")));

    public InstancePreviousGenerationCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(InstanceView v, CheckContext ctx) {
        String id = v.instance().instanceId();
        String type = v.instance().instanceTypeAsString();
        var m = type == null ? null : TYPE.matcher(type);
        if (m == null || !m.matches()) {
            return List.of(finding(ctx, id).severity(Severity.INFO)
                    .detail("Instance " + id + " has an instance type this version does not read ('"
                            + (type == null ? "" : type) + "'): its generation is unknown.")
                    .build());
        }
        String family = m.group(1);
        if (!list(ctx, FAMILIES).contains(family)) return List.of();
        return one(ctx, id, "Instance " + id + " (" + v.state() + ") is " + type + ": family " + family
                        + " is a previous generation.");
    }
}
