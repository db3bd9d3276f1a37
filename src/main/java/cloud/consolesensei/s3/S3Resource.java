package cloud.consolesensei.s3;

/**
 * What the S3 source streams: first the account's own S3 settings ({@link S3Account}), then one
 * {@link S3Bucket} per bucket. One stream for both lets the account-level public access block be
 * read once per account and shared by every bucket's verdict.
 */
public sealed interface S3Resource permits S3Account, S3Bucket {
}
