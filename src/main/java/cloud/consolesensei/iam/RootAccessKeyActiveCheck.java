package cloud.consolesensei.iam;

import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.util.List;

/** {@code iam.root_access_key_active}: {@code access_key_1_active} or {@code access_key_2_active} is true on the root row. */
public final class RootAccessKeyActiveCheck extends CatalogCheck<CredentialReportRow> {

    static final CheckDefinition DEFINITION = new CheckDefinition("iam.root_access_key_active",
            "Root user has an active access key", Severity.CRITICAL, IamModule.SERVICE, IamModule.ROOT_USER,
            "root account has an active access key.",
            "A root access key is a permanent, unrestrictable credential for everything in the account.",
            "Console: sign in as the root user > account menu > Security credentials > Access keys > Actions > "
                    + "Deactivate, then Delete. CLI (as root, or through sts assume-root with Organizations centralized root "
                    + "access): aws iam delete-access-key --access-key-id <id>.",
            IamModule.REPORT_ACTIONS, List.of(Cis.reference(Cis.ROOT_ACCESS_KEY),
                    "IAM User Guide: Delete access keys for the root user"),
            List.of());

    public RootAccessKeyActiveCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(CredentialReportRow row, CheckContext ctx) {
        if (!row.root()) return List.of();
        List<String> active = row.keys().stream().filter(AccessKeySlot::isActive)
                .map(k -> "access key " + k.slot() + " (created " + k.lastRotated().raw() + ", last used "
                        + k.lastUsed().describe() + ")")
                .toList();
        if (active.isEmpty()) return List.of();
        return one(ctx, row.resourceId(ctx.accountId()), "The root user has " + active.size() + " active access key(s): " + String.join("; ", active)
                        + "." + Cis.detail(Cis.ROOT_ACCESS_KEY));
    }
}
