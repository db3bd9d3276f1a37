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
 * {@code iam.root_used_recently}: the root row's {@code password_last_used}, or an
 * {@code access_key_N_last_used_date}, is at most {@code within-days} (30) days before the as-of date.
 */
public final class RootUsedRecentlyCheck extends CatalogCheck<CredentialReportRow> {

    static final String WITHIN_DAYS = "within-days";
    static final CheckDefinition DEFINITION = new CheckDefinition("iam.root_used_recently",
            "Root user used recently", Severity.HIGH, IamModule.SERVICE, IamModule.ROOT_USER,
            "root password or key used in the last 30 days.",
            "Everyday use of the root user exposes the one credential that cannot be limited or audited by policy.",
            "Console: CloudTrail > Event history, filter User name = root, to see what was done; move that work to "
                    + "IAM Identity Center users or roles, then change the root password and delete any root access key. "
                    + "CLI: aws cloudtrail lookup-events --lookup-attributes AttributeKey=Username,AttributeValue=root.",
            IamModule.REPORT_ACTIONS, List.of(Cis.reference(Cis.ROOT_USAGE),
                    "IAM User Guide: Root user best practices for your AWS account"),
            List.of(SettingSpec.integer(WITHIN_DAYS, 30, "root use within this many days fires (days)")));

    public RootUsedRecentlyCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(CredentialReportRow row, CheckContext ctx) {
        if (!row.root()) return List.of();
        int within = integer(ctx, WITHIN_DAYS);
        List<String> uses = new ArrayList<>();
        recent("password", row.passwordLastUsed(), within, ctx, uses);
        for (AccessKeySlot k : row.keys()) {
            recent("access key " + k.slot(), k.lastUsed(), within, ctx, uses);
        }
        if (uses.isEmpty()) return List.of();
        return one(ctx, row.resourceId(ctx.accountId()), "The root user was used within the last " + within + " days: " + String.join("; ", uses)
                        + "." + Cis.detail(Cis.ROOT_USAGE));
    }

    private static void recent(String what, ReportDate used, int within, CheckContext ctx, List<String> out) {
        if (!used.isDate()) return;
        long days = Days.since(used.instant(), ctx.asOf());
        if (days <= within) {
            out.add(what + " last used " + used.raw() + " (" + days + " days before " + ctx.asOf() + ")");
        }
    }
}
