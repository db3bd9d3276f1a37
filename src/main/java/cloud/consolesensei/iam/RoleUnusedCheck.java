package cloud.consolesensei.iam;

import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.check.SettingSpec;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.time.Instant;
import java.util.List;

/**
 * {@code iam.role_unused}: a role not used for at least {@code unused-days} (90) days; a role
 * never used counts from its CreateDate. Service-linked roles (path {@code /aws-service-role/}) are
 * excluded; a role whose last use could not be read is not judged.
 */
public final class RoleUnusedCheck extends CatalogCheck<IamRole> {

    static final String UNUSED_DAYS = "unused-days";
    static final CheckDefinition DEFINITION = new CheckDefinition("iam.role_unused",
            "Role unused", Severity.LOW, IamModule.SERVICE, IamModule.ROLE,
            "role not used for 90 days; service-linked roles (path /aws-service-role/) excluded.",
            "Unused roles keep their permissions and trust relationships, an attack surface nobody watches.",
            "Console: IAM > Roles > <role>: check Last activity and the Access Advisor tab, then Delete. CLI: remove the "
                    + "role from instance profiles (aws iam remove-role-from-instance-profile), detach and delete its "
                    + "policies (aws iam detach-role-policy, aws iam delete-role-policy), then aws iam delete-role "
                    + "--role-name <role>.",
            IamModule.ROLE_LAST_USED_ACTIONS, List.of("IAM User Guide: Refining permissions using last accessed information"),
            List.of(SettingSpec.integer(UNUSED_DAYS, 90, "a role unused for at least this long fires (days)")));

    public RoleUnusedCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(IamRole role, CheckContext ctx) {
        if (role.serviceLinked() || !role.lastUsedKnown()) return List.of();
        int limit = integer(ctx, UNUSED_DAYS);
        Instant last = role.lastUsedDate();
        Instant from = last != null ? last : role.role().createDate();
        if (from == null) return List.of();
        long days = Days.since(from, ctx.asOf());
        if (days < limit) return List.of();
        String since = last != null
                ? "was last used " + last + (role.lastUsed().region() == null ? "" : " in " + role.lastUsed().region())
                : "has never been used since its creation on " + from;
        return one(ctx, role.role().roleName(), "IAM role " + role.role().roleName() + " " + since + ": " + days + " days unused (limit "
                        + limit + ").");
    }
}
