package cloud.consolesensei.iam;

import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code iam.user_admin_attached}: the AWS managed AdministratorAccess policy, or any managed or
 * inline policy with an Allow of Action {@code *} on Resource {@code *}, attached directly to an
 * IAM user. One finding per user naming every such policy.
 */
public final class UserAdminAttachedCheck extends CatalogCheck<UserPolicies> {

    static final CheckDefinition DEFINITION = new CheckDefinition("iam.user_admin_attached",
            "Administrator policy attached to a user", Severity.HIGH, IamModule.SERVICE, IamModule.USER,
            "AdministratorAccess (or an Action * Resource * policy) attached directly to a user. "
                    + "`iam.user_admin_attached` covers the managed AdministratorAccess policy and any managed or "
                    + "inline user policy with an Allow of Action `*` on Resource `*`.",
            "Full administrator rights on a long-lived user identity turn any leak of its password or keys into "
                    + "a takeover of the account.",
            "Console: IAM > Users > <user> > Permissions > select the policy > Remove; grant what the person needs "
                    + "through a group or, better, an IAM Identity Center permission set. CLI: aws iam detach-user-policy "
                    + "--user-name <user> --policy-arn <arn> (managed); aws iam delete-user-policy --user-name <user> "
                    + "--policy-name <name> (inline).",
            IamModule.USER_POLICY_ACTIONS, List.of(Cis.reference(Cis.PERMISSIONS_VIA_GROUPS),
                    Cis.reference(Cis.NO_FULL_ADMIN_POLICIES), "IAM User Guide: Security best practices in IAM"),
            List.of());

    public UserAdminAttachedCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(UserPolicies user, CheckContext ctx) {
        List<String> admin = new ArrayList<>();
        for (UserPolicies.Policy p : user.policies()) {
            if (p.awsManaged() && p.arn().endsWith(":policy/AdministratorAccess")) {
                admin.add("AWS managed policy AdministratorAccess");
            } else if (p.document() != null && PolicyDocuments.grantsFullAccess(p.document())) {
                admin.add((p.inline() ? "inline policy " + p.name()
                        : (p.awsManaged() ? "AWS" : "customer") + " managed policy " + p.name() + " (" + p.arn() + ")")
                        + " allowing Action * on Resource *");
            }
        }
        if (admin.isEmpty()) return List.of();
        return one(ctx, user.userName(), "IAM user " + user.userName() + " has administrator rights attached directly: "
                        + String.join("; ", admin) + "." + Cis.detail(Cis.PERMISSIONS_VIA_GROUPS, Cis.NO_FULL_ADMIN_POLICIES));
    }
}
