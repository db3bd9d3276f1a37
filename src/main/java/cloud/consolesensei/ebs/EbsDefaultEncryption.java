package cloud.consolesensei.ebs;

/**
 * The account's EBS encryption-by-default setting in one region (GetEbsEncryptionByDefault).
 *
 * @param accountId 12-digit AWS account ID (the finding's resource id)
 * @param enabled   EbsEncryptionByDefault, or {@code null} when the answer did not say
 */
public record EbsDefaultEncryption(String accountId, Boolean enabled) {
}
