package cloud.consolesensei.s3;

import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Severity;

import java.util.List;
import java.util.Optional;

/**
 * {@code s3.bucket_public_access_block_off} (docs/checks.md): neither the bucket's nor the account's
 * public access block has all four settings on. A bucket without its own block in an account whose
 * block is fully on passes: S3 applies the most restrictive of the two. Silent when either block
 * could not be read and the other is not fully on.
 */
public final class BucketPublicAccessBlockOffCheck extends BucketCheck {

    public static final CheckDefinition DEFINITION = S3Catalog.bucket("s3.bucket_public_access_block_off",
            "S3 bucket not covered by Block Public Access", Severity.MEDIUM,
            "neither the bucket's nor the account's public access block has all four settings true.",
            "Nothing stops a future policy or ACL change from making the bucket public.",
            "Console: S3 > Buckets > the bucket > Permissions > Block public access (bucket settings) > Edit: turn on all four settings "
                    + "(or turn them on for the whole account under 'Block Public Access settings for this account'). "
                    + "CLI: aws s3api put-public-access-block --bucket BUCKET --public-access-block-configuration "
                    + "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
            List.of("s3:GetBucketPublicAccessBlock", "s3:GetAccountPublicAccessBlock"),
            List.of("AWS Security Hub S3.8", "CIS AWS Foundations Benchmark v3.0 2.1.4"));

    public BucketPublicAccessBlockOffCheck() {
        super(DEFINITION);
    }

    /** TRUE when the bucket is covered by a fully-on block of its own or of its account. */
    public static Tri covered(S3Bucket b) {
        return b.bucketBlock().test(PublicAccessBlock::allOn).or(b.accountBlock().test(PublicAccessBlock::allOn));
    }

    @Override
    public Optional<String> failure(S3Bucket b) {
        if (!covered(b).not().isTrue()) return Optional.empty();
        return Optional.of("Bucket public access block: " + PublicAccessBlock.describe(b.bucketBlock())
                + "; account public access block: " + PublicAccessBlock.describe(b.accountBlock()) + ".");
    }
}
