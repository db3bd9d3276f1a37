package cloud.consolesensei.s3;

import java.time.Instant;
import java.util.List;

import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/**
 * One bucket as read in its own region, with every configuration the S3 checks judge. Each read
 * is {@link Observed}: present, absent (AWS said nothing is configured) or unknown (a coverage
 * gap was recorded).
 *
 * @param name            bucket name
 * @param region          the bucket's region (GetBucketLocation, legacy {@code EU} and empty normalised)
 * @param creationDate    creation date from ListBuckets, or null
 * @param allowedRegions  the account's allowed regions; empty when not configured
 * @param bucketBlock     GetPublicAccessBlock ({@code NoSuchPublicAccessBlockConfiguration} = absent)
 * @param accountBlock    the account-level block, as in {@link S3Account#block()}
 * @param policyIsPublic  GetBucketPolicyStatus IsPublic ({@code NoSuchBucketPolicy} = absent)
 * @param acl             GetBucketAcl grants
 * @param objectOwnership GetBucketOwnershipControls' ObjectOwnership
 *                        ({@code OwnershipControlsNotFoundError} = absent); read only when the ACL
 *                        grants something to everyone, since only then can it change a verdict:
 *                        otherwise unknown
 * @param policy          GetBucketPolicy JSON document ({@code NoSuchBucketPolicy} = absent)
 * @param versioning      GetBucketVersioning status ({@code Enabled}, {@code Suspended}); absent
 *                        when versioning was never enabled
 * @param lifecycleRules  GetBucketLifecycleConfiguration rules ({@code NoSuchLifecycleConfiguration} = absent)
 */
public record S3Bucket(String name, String region, Instant creationDate, List<String> allowedRegions,
                       Observed<PublicAccessBlock> bucketBlock, Observed<PublicAccessBlock> accountBlock,
                       Observed<Boolean> policyIsPublic, Observed<List<Grant>> acl,
                       Observed<String> objectOwnership, Observed<String> policy,
                       Observed<String> versioning, Observed<List<LifecycleRule>> lifecycleRules)
        implements S3Resource {

    public S3Bucket {
        allowedRegions = allowedRegions == null ? List.of() : List.copyOf(allowedRegions);
    }
}
