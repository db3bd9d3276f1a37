package cloud.consolesensei.check;

import cloud.consolesensei.finding.Severity;

import java.util.List;

/**
 * Metadata of one catalog check, from which docs/checks.md is generated: what {@code doctor}, the workbook's
 * Remediation column and the email read.
 *
 * @param id           stable catalog id, {@code <service>.<name>}, e.g. {@code ebs.volume_gp2}
 * @param title        short title shown in reports
 * @param severity     default severity (a check may raise it per finding, as the catalog says)
 * @param service      AWS SDK service id whose API the check reads ({@code ec2}, {@code s3}, ...)
 * @param resourceType resource type in words ("EBS volume")
 * @param rule         when the check fires, with its default thresholds and the exact reading of the
 *                     AWS answers it judges (docs/checks.md's "Rule" column)
 * @param costFormula  how its {@code monthly_cost_usd} is computed (USD); empty for
 *                     {@link MoneyKind#NONE}
 * @param risk         why it matters, one sentence
 * @param remediation  console steps and the AWS CLI command that fixes it
 * @param iamActions   the IAM actions the check's reader needs, e.g. {@code ec2:DescribeVolumes}
 * @param references   e.g. "CIS AWS Foundations 1.5", AWS documentation titles
 * @param settings     configurable thresholds (besides {@code enabled}, which every check has)
 * @param money        what the findings' {@code monthly_cost_usd} is: savings, a cost alert, or
 *                     {@link MoneyKind#NONE} for a check without a cost side
 */
public record CheckDefinition(String id, String title, Severity severity, String service,
                              String resourceType, String rule, String costFormula, String risk, String remediation,
                              List<String> iamActions, List<String> references,
                              List<SettingSpec> settings, MoneyKind money) {

    public CheckDefinition {
        if (!id.matches("[a-z0-9]+\\.[a-z0-9_]+")) {
            throw new IllegalArgumentException("check id must be <service>.<name>: " + id);
        }
        if (money == null) {
            throw new IllegalArgumentException("check " + id + " must say what its money is (MoneyKind)");
        }
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("check " + id + " must state its rule");
        }
        if ((money == MoneyKind.NONE) != (costFormula == null || costFormula.isBlank())) {
            throw new IllegalArgumentException("check " + id + " must state a cost formula exactly when it has money");
        }
        costFormula = costFormula == null ? "" : costFormula;
        iamActions = List.copyOf(iamActions);
        references = List.copyOf(references);
        settings = List.copyOf(settings);
    }

    /** A check without a cost side ({@link MoneyKind#NONE}). */
    public CheckDefinition(String id, String title, Severity severity, String service, String resourceType,
                           String rule, String risk, String remediation, List<String> iamActions,
                           List<String> references, List<SettingSpec> settings) {
        this(id, title, severity, service, resourceType, rule, "", risk, remediation, iamActions, references, settings,
                MoneyKind.NONE);
    }
}
