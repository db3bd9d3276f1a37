package cloud.consolesensei.s3;

import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Finding;

import java.util.List;
import java.util.Optional;

/**
 * A check of one bucket: judges {@link S3Bucket}s and ignores the account item of the S3 stream.
 * Its findings carry the bucket's name as resource id and the bucket's own region.
 */
public abstract class BucketCheck extends CatalogCheck<S3Resource> {

    /** @param definition the check's catalog entry */
    protected BucketCheck(CheckDefinition definition) {
        super(definition);
    }

    @Override
    public final List<Finding> evaluate(S3Resource resource, CheckContext context) {
        if (!(resource instanceof S3Bucket bucket)) return List.of();
        return failure(bucket)
                .map(detail -> List.of(finding(context, bucket.name())
                        .region(bucket.region()).detail(detail).build()))
                .orElse(List.of());
    }

    /**
     * Judges one bucket.
     *
     * @return the finding's detail when the bucket fails; empty when it passes or when an input
     *         the check needs is unknown
     */
    public abstract Optional<String> failure(S3Bucket bucket);
}
