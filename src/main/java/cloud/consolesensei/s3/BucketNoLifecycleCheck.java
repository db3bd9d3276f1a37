package cloud.consolesensei.s3;

import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Severity;

import java.util.List;
import java.util.Optional;

/**
 * {@code s3.bucket_no_lifecycle} (docs/checks.md): the bucket has no lifecycle configuration
 * (GetBucketLifecycleConfiguration answered {@code NoSuchLifecycleConfiguration}).
 */
public final class BucketNoLifecycleCheck extends BucketCheck {

    public static final CheckDefinition DEFINITION = S3Catalog.bucket("s3.bucket_no_lifecycle",
            "S3 bucket has no lifecycle configuration", Severity.LOW,
            "no lifecycle configuration.",
            "Objects and old versions are kept (and billed) forever unless someone deletes them by hand.",
            "Console: S3 > Buckets > the bucket > Management > Lifecycle rules > Create lifecycle rule: transition or expire "
                    + "current and noncurrent versions and abort incomplete multipart uploads. "
                    + "CLI: aws s3api put-bucket-lifecycle-configuration --bucket BUCKET --lifecycle-configuration file://lifecycle.json",
            List.of("s3:GetLifecycleConfiguration"),
            List.of("AWS Security Hub S3.13", "Amazon S3 User Guide: Managing the lifecycle of objects"));

    public BucketNoLifecycleCheck() {
        super(DEFINITION);
    }

    @Override
    public Optional<String> failure(S3Bucket b) {
        if (!b.lifecycleRules().isAbsent()) return Optional.empty();
        return Optional.of("Bucket " + b.name() + " has no lifecycle configuration.");
    }
}
