package cloud.consolesensei.iam;

import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.util.List;

/** {@code iam.user_two_active_keys}: an IAM user whose two access keys are both active. */
public final class UserTwoActiveKeysCheck extends CatalogCheck<CredentialReportRow> {

    static final CheckDefinition DEFINITION = new CheckDefinition("iam.user_two_active_keys",
            "User has two active access keys", Severity.MEDIUM, IamModule.SERVICE, IamModule.USER,
            "user has two active access keys.",
            "Two live keys double the long-term secrets to leak, and one of them is usually forgotten.",
            "Console: IAM > Users > <user> > Security credentials > Access keys: keep the key in use, Actions > "
                    + "Deactivate the other (delete it once nothing breaks). CLI: aws iam update-access-key --user-name <user> "
                    + "--access-key-id <id> --status Inactive; aws iam delete-access-key --user-name <user> --access-key-id <id>.",
            IamModule.KEY_ACTIONS, List.of(Cis.reference(Cis.ONE_ACTIVE_KEY),
                    "IAM User Guide: Manage access keys for IAM users"),
            List.of());

    public UserTwoActiveKeysCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(CredentialReportRow row, CheckContext ctx) {
        if (row.root() || !row.key1().isActive() || !row.key2().isActive()) return List.of();
        return one(ctx, row.user(), "IAM user " + row.user() + " has two active access keys: " + AccessKeyText.describe(row.key1())
                        + " and " + AccessKeyText.describe(row.key2()) + "." + Cis.detail(Cis.ONE_ACTIVE_KEY));
    }
}
