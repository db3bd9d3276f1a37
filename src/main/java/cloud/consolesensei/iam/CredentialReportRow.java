package cloud.consolesensei.iam;

import java.util.List;

/**
 * One row of the IAM credential report ({@code GetCredentialReport}, CSV): an IAM user, or the
 * account's root user ({@code <root_account>}). The certificate columns are not read.
 *
 * @param user                {@code user}: the user name, or {@value #ROOT}
 * @param arn                 {@code arn}
 * @param userCreationTime    {@code user_creation_time}
 * @param passwordEnabled     {@code password_enabled}; {@code null} for {@code not_supported} (root) or unreadable
 * @param passwordLastUsed    {@code password_last_used}
 * @param passwordLastChanged {@code password_last_changed}: when the password was set, {@code N/A} without one
 * @param mfaActive           {@code mfa_active}; {@code null} when unreadable
 * @param key1                access key slot 1
 * @param key2                access key slot 2
 */
public record CredentialReportRow(String user, String arn, ReportDate userCreationTime, Boolean passwordEnabled,
                                  ReportDate passwordLastUsed, ReportDate passwordLastChanged, Boolean mfaActive,
                                  AccessKeySlot key1, AccessKeySlot key2) {

    /** The {@code user} value of the root user's row. */
    public static final String ROOT = "<root_account>";

    /** True for the root user's row. */
    public boolean root() {
        return ROOT.equals(user);
    }

    /** Both key slots, slot 1 first. */
    public List<AccessKeySlot> keys() {
        return List.of(key1, key2);
    }

    /** True when the report says at least one of the user's keys is active. */
    public boolean hasActiveKey() {
        return key1.isActive() || key2.isActive();
    }

    /** This row with the key ids of slot 1 and 2 ({@code null} where unknown). */
    public CredentialReportRow withKeyIds(String id1, String id2) {
        return new CredentialReportRow(user, arn, userCreationTime, passwordEnabled, passwordLastUsed,
                passwordLastChanged, mfaActive, key1.withAccessKeyId(id1), key2.withAccessKeyId(id2));
    }

    /** The resource id docs/checks.md gives this row: the user name, or the root ARN of {@code accountId}. */
    public String resourceId(String accountId) {
        return root() ? rootArn(accountId) : user;
    }

    /** {@code arn:aws:iam::<account>:root}, the root user's resource id. */
    public static String rootArn(String accountId) {
        return "arn:aws:iam::" + accountId + ":root";
    }
}
