package cloud.consolesensei.iam;

import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.check.SettingSpec;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code iam.access_key_not_rotated}: an IAM user's active access key whose
 * {@code access_key_N_last_rotated} is more than {@code max-age-days} (90) days before the as-of
 * date (exactly 90 passes). One finding per key; the root user's keys are left to
 * {@code iam.root_access_key_active}.
 */
public final class AccessKeyNotRotatedCheck extends CatalogCheck<CredentialReportRow> {

    static final String MAX_AGE_DAYS = "max-age-days";
    static final CheckDefinition DEFINITION = new CheckDefinition("iam.access_key_not_rotated",
            "Access key not rotated", Severity.MEDIUM, IamModule.SERVICE, IamModule.ACCESS_KEY,
            "active key last rotated > 90 days ago.",
            "The older a key, the more places it has been copied to and the longer a leaked copy stays useful.",
            "Console: IAM > Users > <user> > Security credentials > Create access key, move the applications to it, "
                    + "then Deactivate and Delete the old key. CLI: aws iam create-access-key --user-name <user>; "
                    + "aws iam update-access-key --user-name <user> --access-key-id <old id> --status Inactive; "
                    + "aws iam delete-access-key --user-name <user> --access-key-id <old id>. Better: replace keys with roles.",
            IamModule.KEY_ACTIONS, List.of(Cis.reference(Cis.KEY_ROTATION),
                    "IAM User Guide: Rotating access keys"),
            List.of(SettingSpec.integer(MAX_AGE_DAYS, 90, "an active key older than this fires (days)")));

    public AccessKeyNotRotatedCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(CredentialReportRow row, CheckContext ctx) {
        if (row.root()) return List.of();
        int max = integer(ctx, MAX_AGE_DAYS);
        List<Finding> out = new ArrayList<>();
        for (AccessKeySlot k : row.keys()) {
            if (!k.isActive() || !k.lastRotated().isDate()) continue;
            long age = Days.since(k.lastRotated().instant(), ctx.asOf());
            if (age > max) {
                out.add(finding(ctx, AccessKeyText.resourceId(row, k))
                        .detail("Active " + AccessKeyText.describe(k) + " of IAM user " + row.user() + " is " + age
                                + " days old (more than " + max + ")." + Cis.detail(Cis.KEY_ROTATION))
                        .build());
            }
        }
        return out;
    }
}
