package cloud.consolesensei.demo;

import cloud.consolesensei.aws.AccountTarget;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.GetBucketAclRequest;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLocationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLocationResponse;
import software.amazon.awssdk.services.s3.model.GetBucketOwnershipControlsRequest;
import software.amazon.awssdk.services.s3.model.GetBucketOwnershipControlsResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyResponse;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyStatusRequest;
import software.amazon.awssdk.services.s3.model.GetBucketPolicyStatusResponse;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningRequest;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockRequest;
import software.amazon.awssdk.services.s3.model.GetPublicAccessBlockResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.OwnershipControls;
import software.amazon.awssdk.services.s3.model.OwnershipControlsRule;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.PolicyStatus;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * Demo fake of {@link S3Client}: the demo accounts' buckets, listed account-wide (two pages) and
 * answering per-bucket reads only through a client of the bucket's own region, as S3 does
 * (a wrong-region call fails with {@code PermanentRedirect}). "Nothing configured" answers are the
 * errors S3 sends ({@code NoSuchBucketPolicy}, ...). Operations it does not override throw
 * {@link UnsupportedOperationException}, which the readers report as a coverage gap.
 * <p>
 * demo-production (account block fully on): a clean bucket, one in the legacy {@code EU} location
 * with versioning suspended, a website bucket whose public policy and ACL the account block
 * neutralises (no TLS policy, no lifecycle), and one outside the allowed regions.
 * demo-staging (no account block): a bucket public by policy, one public by ACL, one whose public
 * ACL is disabled by BucketOwnerEnforced, and a clean one.
 */
final class DemoS3 {

    /** The SDK interface with the demo's shared parts ({@link DemoClient}). */
    private interface Fake extends S3Client, DemoClient {
    }

    static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    private static final int PAGE_SIZE = 3;
    private static final PublicAccessBlockConfiguration ALL_ON = block(true, true, true, true);

    /**
     * One demo bucket.
     *
     * @param location     LocationConstraint as GetBucketLocation answers it ("" for us-east-1, legacy "EU")
     * @param block        the bucket's public access block, or null for none
     * @param policy       bucket policy JSON, or null for none
     * @param policyPublic what GetBucketPolicyStatus says of the policy
     * @param publicGrant  grantee group URI with READ in the ACL, or null
     * @param ownership    Object Ownership, or null for no ownership controls
     * @param versioning   versioning status, or null for never enabled
     */
    record DemoBucket(String name, String location, int ageDays, PublicAccessBlockConfiguration block,
                      String policy, boolean policyPublic, String publicGrant, ObjectOwnership ownership,
                      BucketVersioningStatus versioning, boolean lifecycle) {

        String region() {
            return location.isEmpty() ? "us-east-1" : "EU".equals(location) ? "eu-west-1" : location;
        }
    }

    private static final Map<String, List<DemoBucket>> BUCKETS = Map.of(
            DemoEstate.PRODUCTION.id(), List.of(
                    new DemoBucket("demo-prod-app-assets", "", 900, ALL_ON, sslOnly("demo-prod-app-assets"), false,
                            null, ObjectOwnership.BUCKET_OWNER_ENFORCED, BucketVersioningStatus.ENABLED, true),
                    new DemoBucket("demo-prod-logs-eu", "EU", 2400, null, sslOnlyIfExists("demo-prod-logs-eu"), false,
                            null, null, BucketVersioningStatus.SUSPENDED, true),
                    new DemoBucket("demo-prod-website", "", 1500, null, publicRead("demo-prod-website"), true,
                            ALL_USERS, ObjectOwnership.OBJECT_WRITER, BucketVersioningStatus.ENABLED, false),
                    new DemoBucket("demo-prod-backups-sydney", "ap-southeast-2", 400, ALL_ON,
                            sslOnly("demo-prod-backups-sydney"), false, null, null, BucketVersioningStatus.ENABLED, true),
                    new DemoBucket("demo-prod-data-eu", "eu-west-1", 200, ALL_ON, sslOnly("demo-prod-data-eu"), false,
                            null, ObjectOwnership.BUCKET_OWNER_ENFORCED, BucketVersioningStatus.ENABLED, true)),
            DemoEstate.STAGING.id(), List.of(
                    new DemoBucket("demo-staging-share", "us-west-2", 120, null, publicRead("demo-staging-share"), true,
                            null, null, null, false),
                    new DemoBucket("demo-staging-acl-public", "", 300, block(false, false, true, true),
                            sslOnly("demo-staging-acl-public"), false, ALL_USERS, ObjectOwnership.OBJECT_WRITER,
                            BucketVersioningStatus.ENABLED, true),
                    new DemoBucket("demo-staging-legacy-acl", "", 3000, block(true, false, true, true),
                            sslOnly("demo-staging-legacy-acl"), false, AUTHENTICATED_USERS,
                            ObjectOwnership.BUCKET_OWNER_ENFORCED, BucketVersioningStatus.ENABLED, true),
                    new DemoBucket("demo-staging-clean", "us-west-2", 60, ALL_ON, sslOnly("demo-staging-clean"), false,
                            null, ObjectOwnership.BUCKET_OWNER_ENFORCED, BucketVersioningStatus.ENABLED, true)));

    private DemoS3() {
    }

    /** The demo buckets of {@code account} (none for unknown accounts). */
    static List<DemoBucket> buckets(AccountTarget account) {
        return BUCKETS.getOrDefault(account.id(), List.of());
    }

    /** A client serving {@code account}'s demo buckets located in {@code region}, dated from {@code asOf}. */
    static S3Client client(AccountTarget account, String region, LocalDate asOf) {
        List<DemoBucket> buckets = buckets(account);
        return new Fake() {
            @Override
            public ListBucketsResponse listBuckets(ListBucketsRequest request) {
                int from = request.continuationToken() == null ? 0 : Integer.parseInt(request.continuationToken());
                int to = Math.min(buckets.size(), from + PAGE_SIZE);
                List<Bucket> page = new ArrayList<>();
                for (DemoBucket b : buckets.subList(from, to)) {
                    page.add(Bucket.builder().name(b.name()).bucketRegion(b.region())
                            .creationDate(asOf.minusDays(b.ageDays()).atStartOfDay(ZoneOffset.UTC).toInstant()).build());
                }
                return ListBucketsResponse.builder().buckets(page)
                        .owner(Owner.builder().id(canonicalId(account)).build())
                        .continuationToken(to < buckets.size() ? Integer.toString(to) : null).build();
            }

            @Override
            public GetBucketLocationResponse getBucketLocation(GetBucketLocationRequest request) {
                return GetBucketLocationResponse.builder().locationConstraint(find(request.bucket()).location()).build();
            }

            @Override
            public GetPublicAccessBlockResponse getPublicAccessBlock(GetPublicAccessBlockRequest request) {
                DemoBucket b = here(request.bucket());
                if (b.block() == null) {
                    throw error(404, "NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found");
                }
                return GetPublicAccessBlockResponse.builder().publicAccessBlockConfiguration(b.block()).build();
            }

            @Override
            public GetBucketPolicyStatusResponse getBucketPolicyStatus(GetBucketPolicyStatusRequest request) {
                DemoBucket b = here(request.bucket());
                noPolicy(b);
                return GetBucketPolicyStatusResponse.builder()
                        .policyStatus(PolicyStatus.builder().isPublic(b.policyPublic()).build()).build();
            }

            @Override
            public GetBucketPolicyResponse getBucketPolicy(GetBucketPolicyRequest request) {
                DemoBucket b = here(request.bucket());
                noPolicy(b);
                return GetBucketPolicyResponse.builder().policy(b.policy()).build();
            }

            @Override
            public GetBucketAclResponse getBucketAcl(GetBucketAclRequest request) {
                DemoBucket b = here(request.bucket());
                List<Grant> grants = new ArrayList<>();
                grants.add(Grant.builder().grantee(Grantee.builder().type(Type.CANONICAL_USER).id(canonicalId(account)).build())
                        .permission(Permission.FULL_CONTROL).build());
                if (b.publicGrant() != null) {
                    grants.add(Grant.builder().grantee(Grantee.builder().type(Type.GROUP).uri(b.publicGrant()).build())
                            .permission(Permission.READ).build());
                }
                return GetBucketAclResponse.builder().owner(Owner.builder().id(canonicalId(account)).build())
                        .grants(grants).build();
            }

            @Override
            public GetBucketOwnershipControlsResponse getBucketOwnershipControls(GetBucketOwnershipControlsRequest request) {
                DemoBucket b = here(request.bucket());
                if (b.ownership() == null) {
                    throw error(404, "OwnershipControlsNotFoundError", "The bucket ownership controls were not found");
                }
                return GetBucketOwnershipControlsResponse.builder().ownershipControls(OwnershipControls.builder()
                        .rules(OwnershipControlsRule.builder().objectOwnership(b.ownership()).build()).build()).build();
            }

            @Override
            public GetBucketVersioningResponse getBucketVersioning(GetBucketVersioningRequest request) {
                return GetBucketVersioningResponse.builder().status(here(request.bucket()).versioning()).build();
            }

            @Override
            public GetBucketLifecycleConfigurationResponse getBucketLifecycleConfiguration(
                    GetBucketLifecycleConfigurationRequest request) {
                if (!here(request.bucket()).lifecycle()) {
                    throw error(404, "NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist");
                }
                return GetBucketLifecycleConfigurationResponse.builder().rules(LifecycleRule.builder()
                        .id("expire-after-a-year").status(ExpirationStatus.ENABLED)
                        .filter(LifecycleRuleFilter.builder().prefix("").build())
                        .expiration(LifecycleExpiration.builder().days(365).build()).build()).build();
            }

            private DemoBucket find(String name) {
                return buckets.stream().filter(b -> b.name().equals(name)).findFirst()
                        .orElseThrow(() -> error(404, "NoSuchBucket", "The specified bucket does not exist"));
            }

            /** The bucket, if this client's region is the bucket's own. */
            private DemoBucket here(String name) {
                DemoBucket b = find(name);
                if (!b.region().equals(region)) {
                    throw error(301, "PermanentRedirect", "The bucket you are attempting to access must be addressed "
                            + "using the specified endpoint (" + b.region() + ")");
                }
                return b;
            }
        };
    }

    private static void noPolicy(DemoBucket b) {
        if (b.policy() == null) throw error(404, "NoSuchBucketPolicy", "The bucket policy does not exist");
    }

    private static String canonicalId(AccountTarget account) {
        return "demo" + account.id() + "canonicaluser";
    }

    static S3Exception error(int status, String code, String message) {
        return (S3Exception) S3Exception.builder().statusCode(status).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("S3").build())
                .build();
    }

    private static PublicAccessBlockConfiguration block(boolean blockAcls, boolean ignoreAcls, boolean blockPolicy,
                                                        boolean restrict) {
        return PublicAccessBlockConfiguration.builder().blockPublicAcls(blockAcls).ignorePublicAcls(ignoreAcls)
                .blockPublicPolicy(blockPolicy).restrictPublicBuckets(restrict).build();
    }

    /** The AWS-recommended TLS-only statement. */
    private static String sslOnly(String bucket) {
        return """
                {"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*",\
                "Action":"s3:*","Resource":["arn:aws:s3:::%1$s","arn:aws:s3:::%1$s/*"],\
                "Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""".formatted(bucket);
    }

    /** The same intent written the other common way: one statement object, BoolIfExists, AWS principal. */
    private static String sslOnlyIfExists(String bucket) {
        return """
                {"Version":"2012-10-17","Statement":{"Sid":"TlsOnly","Effect":"Deny","Principal":{"AWS":"*"},\
                "Action":"s3:*","Resource":["arn:aws:s3:::%1$s","arn:aws:s3:::%1$s/*"],\
                "Condition":{"BoolIfExists":{"aws:SecureTransport":false}}}}""".formatted(bucket);
    }

    /** A static-website read grant to everyone, without any TLS statement. */
    private static String publicRead(String bucket) {
        return """
                {"Version":"2012-10-17","Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*",\
                "Action":"s3:GetObject","Resource":"arn:aws:s3:::%s/*"}]}""".formatted(bucket);
    }
}
