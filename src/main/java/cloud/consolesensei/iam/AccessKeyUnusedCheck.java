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
 * {@code iam.access_key_unused}: an IAM user's active access key unused for at least
 * {@code unused-days} (45) days. A key never used ({@code access_key_N_last_used_date} = {@code N/A})
 * counts from its creation ({@code access_key_N_last_rotated}), else from the user's creation.
 * One finding per key; root keys are left to the root checks.
 */
public final class AccessKeyUnusedCheck extends CatalogCheck<CredentialReportRow> {

    static final String UNUSED_DAYS = "unused-days";
    static final CheckDefinition DEFINITION = new CheckDefinition("iam.access_key_unused",
            "Access key unused", Severity.MEDIUM, IamModule.SERVICE, IamModule.ACCESS_KEY,
            "active key unused >= 45 days (never used counts from its creation).",
            "A key nobody uses is pure risk: it can only ever be used by someone who should not have it.",
            "Console: IAM > Users > <user> > Security credentials > Access keys > Actions > Deactivate (delete it once "
                    + "nothing complains). CLI: aws iam update-access-key --user-name <user> --access-key-id <id> "
                    + "--status Inactive; aws iam delete-access-key --user-name <user> --access-key-id <id>.",
            IamModule.KEY_ACTIONS, List.of(Cis.reference(Cis.UNUSED_CREDENTIALS),
                    "IAM User Guide: Finding unused AWS credentials"),
            List.of(SettingSpec.integer(UNUSED_DAYS, 45, "an active key unused for at least this long fires (days)")));

    public AccessKeyUnusedCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(CredentialReportRow row, CheckContext ctx) {
        if (row.root()) return List.of();
        int limit = integer(ctx, UNUSED_DAYS);
        List<Finding> out = new ArrayList<>();
        for (AccessKeySlot k : row.keys()) {
            if (!k.isActive()) continue;
            String since;
            ReportDate from;
            if (k.lastUsed().isDate()) {
                from = k.lastUsed();
                since = "last used " + from.raw();
            } else if (k.lastUsed().neverUsed() && k.lastRotated().isDate()) {
                from = k.lastRotated();
                since = "never used since its creation on " + from.raw();
            } else if (k.lastUsed().neverUsed() && row.userCreationTime().isDate()) {
                from = row.userCreationTime();
                since = "never used; the user was created on " + from.raw();
            } else {
                continue;
            }
            long days = Days.since(from.instant(), ctx.asOf());
            if (days >= limit) {
                out.add(finding(ctx, AccessKeyText.resourceId(row, k))
                        .detail("Active " + AccessKeyText.describe(k) + " of IAM user " + row.user() + " is " + since
                                + ": " + days + " days unused (limit " + limit + ")." + Cis.detail(Cis.UNUSED_CREDENTIALS))
                        .build());
            }
        }
        return out;
    }
}
