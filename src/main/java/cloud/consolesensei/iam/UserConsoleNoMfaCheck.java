package cloud.consolesensei.iam;

import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.util.List;

/** {@code iam.user_console_no_mfa}: an IAM user with {@code password_enabled} true and {@code mfa_active} false. */
public final class UserConsoleNoMfaCheck extends CatalogCheck<CredentialReportRow> {

    static final CheckDefinition DEFINITION = new CheckDefinition("iam.user_console_no_mfa",
            "Console user without MFA", Severity.HIGH, IamModule.SERVICE, IamModule.USER,
            "console password enabled, no MFA device.",
            "A console password alone is one phishing e-mail away from an attacker at the console.",
            "Console: IAM > Users > <user> > Security credentials > Multi-factor authentication (MFA) > Assign MFA device. "
                    + "CLI: aws iam create-virtual-mfa-device --virtual-mfa-device-name <user> --outfile qr.png "
                    + "--bootstrap-method QRCodePNG, then aws iam enable-mfa-device --user-name <user> --serial-number <arn> "
                    + "--authentication-code1 <code> --authentication-code2 <code>; or remove the password: "
                    + "aws iam delete-login-profile --user-name <user>.",
            IamModule.REPORT_ACTIONS, List.of(Cis.reference(Cis.CONSOLE_MFA),
                    "IAM User Guide: AWS Multi-factor authentication in IAM"),
            List.of());

    public UserConsoleNoMfaCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(CredentialReportRow row, CheckContext ctx) {
        if (row.root() || !Boolean.TRUE.equals(row.passwordEnabled()) || !Boolean.FALSE.equals(row.mfaActive())) {
            return List.of();
        }
        return one(ctx, row.user(), "IAM user " + row.user() + " has a console password and no MFA device (password last used "
                        + row.passwordLastUsed().describe() + ")." + Cis.detail(Cis.CONSOLE_MFA));
    }
}
