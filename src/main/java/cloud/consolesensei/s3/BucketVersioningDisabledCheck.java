package cloud.consolesensei.s3;

import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Severity;

import java.util.List;
import java.util.Optional;

/** {@code s3.bucket_versioning_disabled} (docs/checks.md): GetBucketVersioning status is not {@code Enabled}. */
public final class BucketVersioningDisabledCheck extends BucketCheck {

    public static final CheckDefinition DEFINITION = S3Catalog.bucket("s3.bucket_versioning_disabled",
            "S3 bucket versioning is not enabled", Severity.LOW,
            "versioning status not Enabled.",
            "An overwrite or delete, by mistake or by ransomware, cannot be undone.",
            "Console: S3 > Buckets > the bucket > Properties > Bucket Versioning > Edit: Enable, save. "
                    + "CLI: aws s3api put-bucket-versioning --bucket BUCKET --versioning-configuration Status=Enabled",
            List.of("s3:GetBucketVersioning"),
            List.of("AWS Security Hub S3.14", "Amazon S3 User Guide: Using versioning in S3 buckets"));

    public BucketVersioningDisabledCheck() {
        super(DEFINITION);
    }

    @Override
    public Optional<String> failure(S3Bucket b) {
        if (!b.versioning().test("Enabled"::equals).not().isTrue()) return Optional.empty();
        return Optional.of(b.versioning().isAbsent()
                ? "Versioning has never been enabled on bucket " + b.name() + "."
                : "Versioning is " + b.versioning().value() + " on bucket " + b.name() + ".");
    }
}
