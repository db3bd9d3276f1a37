package cloud.consolesensei.iam;

import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.util.List;

/**
 * {@code iam.role_cross_account_no_external_id}: the role's trust policy lets an AWS principal of
 * another account (or everyone, {@code *}) assume it with no {@code sts:ExternalId} condition
 * (see {@link TrustPolicy#crossAccountWithoutExternalId}).
 */
public final class RoleCrossAccountNoExternalIdCheck extends CatalogCheck<IamRole> {

    static final CheckDefinition DEFINITION = new CheckDefinition("iam.role_cross_account_no_external_id",
            "Cross-account role without external ID", Severity.MEDIUM, IamModule.SERVICE, IamModule.ROLE,
            "trust policy lets another AWS account assume the role with no sts:ExternalId condition. An "
                    + "`sts:ExternalId` condition under any string operator counts; condition keys are "
                    + "case-insensitive. Roles under `/aws-reserved/` are judged like any role; only "
                    + "`/aws-service-role/` is excluded from `iam.role_unused`.",
            "Without an external ID, a third party trusted by this role can be tricked into using it for someone "
                    + "else (the confused deputy problem).",
            "Console: IAM > Roles > <role> > Trust relationships > Edit trust policy: add \"Condition\": "
                    + "{\"StringEquals\": {\"sts:ExternalId\": \"<id agreed with the other party>\"}} to the statement, "
                    + "or narrow the principal. CLI: aws iam update-assume-role-policy --role-name <role> "
                    + "--policy-document file://trust.json.",
            IamModule.ROLE_ACTIONS, List.of("IAM User Guide: Access to AWS accounts owned by third parties",
                    "IAM User Guide: The confused deputy problem"),
            List.of());

    public RoleCrossAccountNoExternalIdCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(IamRole role, CheckContext ctx) {
        if (role.trustPolicy() == null) return List.of();
        List<String> principals = TrustPolicy.crossAccountWithoutExternalId(role.trustPolicy(), ctx.accountId());
        if (principals.isEmpty()) return List.of();
        return one(ctx, role.role().roleName(), "IAM role " + role.role().roleName() + " can be assumed from outside account "
                        + ctx.accountId() + " by " + String.join(", ", principals)
                        + " with no sts:ExternalId condition.");
    }
}
