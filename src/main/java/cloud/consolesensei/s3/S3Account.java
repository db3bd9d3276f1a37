package cloud.consolesensei.s3;

/**
 * An account's S3 settings.
 *
 * @param accountId 12-digit AWS account ID
 * @param block     the account-level public access block (S3 Control GetPublicAccessBlock):
 *                  absent when {@code NoSuchPublicAccessBlockConfiguration}, unknown when unreadable
 */
public record S3Account(String accountId, Observed<PublicAccessBlock> block) implements S3Resource {
}
