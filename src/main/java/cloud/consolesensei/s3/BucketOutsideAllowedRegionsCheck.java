package cloud.consolesensei.s3;

import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Severity;

import java.util.List;
import java.util.Optional;

/**
 * {@code s3.bucket_outside_allowed_regions} (docs/checks.md): the bucket's region is not among the
 * account's configured {@code allowed-regions}; evaluated only when that list is configured.
 */
public final class BucketOutsideAllowedRegionsCheck extends BucketCheck {

    public static final CheckDefinition DEFINITION = S3Catalog.bucket("s3.bucket_outside_allowed_regions",
            "S3 bucket outside the allowed regions", Severity.MEDIUM,
            "bucket region not in the account's allowed regions (only when configured).",
            "Data stored outside the regions the organisation allows may break data-residency obligations.",
            "A bucket cannot move: create a bucket in an allowed region, copy the data, then delete the old bucket. "
                    + "Console: S3 > Create bucket (allowed region); then S3 > Batch Operations or Replication to copy. "
                    + "CLI: aws s3api create-bucket --bucket NEW_BUCKET --region ALLOWED_REGION "
                    + "--create-bucket-configuration LocationConstraint=ALLOWED_REGION && aws s3 sync s3://BUCKET s3://NEW_BUCKET",
            List.of(),
            List.of("consolesensei.accounts[].allowed-regions"));

    public BucketOutsideAllowedRegionsCheck() {
        super(DEFINITION);
    }

    @Override
    public Optional<String> failure(S3Bucket b) {
        if (b.allowedRegions().isEmpty() || b.allowedRegions().contains(b.region())) return Optional.empty();
        return Optional.of("Bucket " + b.name() + " is in " + b.region() + "; allowed regions: "
                + String.join(", ", b.allowedRegions()) + ".");
    }
}
