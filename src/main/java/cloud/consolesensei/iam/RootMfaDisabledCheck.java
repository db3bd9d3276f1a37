package cloud.consolesensei.iam;

import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.util.List;

/** {@code iam.root_mfa_disabled}: the root user's credential report row has {@code mfa_active} false. */
public final class RootMfaDisabledCheck extends CatalogCheck<CredentialReportRow> {

    static final CheckDefinition DEFINITION = new CheckDefinition("iam.root_mfa_disabled",
            "Root user has no MFA", Severity.CRITICAL, IamModule.SERVICE, IamModule.ROOT_USER,
            "root account has no MFA.",
            "Whoever learns the root password controls the whole account, with nothing else to stop them.",
            "Console: sign in as the root user > account menu > Security credentials > Multi-factor authentication (MFA) > "
                    + "Assign MFA device (a hardware or passkey device is best). CLI: root MFA cannot be assigned with IAM user "
                    + "credentials; sign in as root to the console, or (Organizations with centralized root access) remove the "
                    + "root credentials: aws iam delete-login-profile run through sts assume-root.",
            IamModule.REPORT_ACTIONS, List.of(Cis.reference(Cis.ROOT_MFA), "IAM User Guide: Enable MFA for the root user"),
            List.of());

    public RootMfaDisabledCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(CredentialReportRow row, CheckContext ctx) {
        if (!row.root() || !Boolean.FALSE.equals(row.mfaActive())) return List.of();
        return one(ctx, row.resourceId(ctx.accountId()), "The root user has no MFA device (credential report mfa_active = false)."
                        + Cis.detail(Cis.ROOT_MFA));
    }
}
