package cloud.consolesensei.iam;

import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.check.SettingSpec;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.iam.model.PasswordPolicy;

/**
 * {@code iam.password_policy_weak}: no password policy, MinimumPasswordLength below {@code min-length}
 * (14), or PasswordReusePrevention below {@code reuse-prevention} (24) or absent. One finding per
 * account (resource id = account id) listing every weakness.
 */
public final class PasswordPolicyWeakCheck extends CatalogCheck<AccountPasswordPolicy> {

    static final String MIN_LENGTH = "min-length";
    static final String REUSE_PREVENTION = "reuse-prevention";
    static final CheckDefinition DEFINITION = new CheckDefinition("iam.password_policy_weak",
            "Weak IAM password policy", Severity.MEDIUM, IamModule.SERVICE, IamModule.ACCOUNT,
            "no password policy, minimum length < 14, or reuse prevention < 24.",
            "Short or recycled IAM user passwords fall to guessing and to credentials leaked elsewhere.",
            "Console: IAM > Account settings > Password policy > Edit: Custom, minimum length 14, prevent password "
                    + "reuse (remember 24). CLI: aws iam update-account-password-policy --minimum-password-length 14 "
                    + "--password-reuse-prevention 24 (pass the other options too: the call replaces the whole policy).",
            List.of("iam:GetAccountPasswordPolicy"), List.of(Cis.reference(Cis.PASSWORD_LENGTH),
                    Cis.reference(Cis.PASSWORD_REUSE), "IAM User Guide: Set an account password policy for IAM users"),
            List.of(SettingSpec.integer(MIN_LENGTH, 14, "shortest acceptable minimum password length (characters)"),
                    SettingSpec.integer(REUSE_PREVENTION, 24, "fewest acceptable remembered passwords (count)")));

    public PasswordPolicyWeakCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(AccountPasswordPolicy account, CheckContext ctx) {
        int minLength = integer(ctx, MIN_LENGTH);
        int reuse = integer(ctx, REUSE_PREVENTION);
        PasswordPolicy p = account.policy();
        List<String> weak = new ArrayList<>();
        if (p == null) {
            weak.add("the account has no password policy (IAM defaults: 8 characters, reuse allowed)"
                    + Cis.detail(Cis.PASSWORD_LENGTH, Cis.PASSWORD_REUSE));
        } else {
            Integer length = p.minimumPasswordLength();
            if (length == null || length < minLength) {
                weak.add("minimum password length " + (length == null ? "not set" : length) + " (below " + minLength + ")"
                        + Cis.detail(Cis.PASSWORD_LENGTH));
            }
            Integer remembered = p.passwordReusePrevention();
            if (remembered == null || remembered < reuse) {
                weak.add("password reuse prevention " + (remembered == null ? "not set" : remembered)
                        + " (below " + reuse + ")" + Cis.detail(Cis.PASSWORD_REUSE));
            }
        }
        if (weak.isEmpty()) return List.of();
        return one(ctx, account.accountId(), "IAM password policy of account " + account.accountId() + " is weak: " + String.join("; ", weak) + ".");
    }
}
