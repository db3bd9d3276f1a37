package cloud.consolesensei.iam;

import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.check.SettingSpec;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.util.List;

/**
 * {@code iam.user_inactive}: an IAM user whose console password ({@code password_enabled} true) has
 * not been used for at least {@code unused-days} (45) days. A password never used
 * ({@code password_last_used} = {@code no_information} or {@code N/A}) counts from when it was set
 * ({@code password_last_changed}), else from the user's creation ({@code user_creation_time}).
 */
public final class UserInactiveCheck extends CatalogCheck<CredentialReportRow> {

    static final String UNUSED_DAYS = "unused-days";
    static final CheckDefinition DEFINITION = new CheckDefinition("iam.user_inactive",
            "Console password unused", Severity.MEDIUM, IamModule.SERVICE, IamModule.USER,
            "console password unused >= 45 days (never used counts from its creation).",
            "A console password nobody uses is a way in that nobody would notice being used.",
            "Console: IAM > Users > <user> > Security credentials > Console sign-in > Manage > Disable console access. "
                    + "CLI: aws iam delete-login-profile --user-name <user>.",
            IamModule.REPORT_ACTIONS, List.of(Cis.reference(Cis.UNUSED_CREDENTIALS),
                    "IAM User Guide: Finding unused AWS credentials"),
            List.of(SettingSpec.integer(UNUSED_DAYS, 45, "a console password unused for at least this long fires (days)")));

    public UserInactiveCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(CredentialReportRow row, CheckContext ctx) {
        if (row.root() || !Boolean.TRUE.equals(row.passwordEnabled())) return List.of();
        int limit = integer(ctx, UNUSED_DAYS);
        ReportDate used = row.passwordLastUsed();
        ReportDate from;
        String since;
        if (used.isDate()) {
            from = used;
            since = "last used " + used.raw();
        } else if (used.neverUsed() && row.passwordLastChanged().isDate()) {
            from = row.passwordLastChanged();
            since = "never used since it was set on " + from.raw();
        } else if (used.neverUsed() && row.userCreationTime().isDate()) {
            from = row.userCreationTime();
            since = "never used; the user was created on " + from.raw();
        } else {
            return List.of();
        }
        long days = Days.since(from.instant(), ctx.asOf());
        if (days < limit) return List.of();
        return one(ctx, row.user(), "The console password of IAM user " + row.user() + " was " + since + ": " + days
                        + " days unused (limit " + limit + ")." + Cis.detail(Cis.UNUSED_CREDENTIALS));
    }
}
