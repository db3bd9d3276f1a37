package cloud.consolesensei.s3;

import java.time.Instant;
import java.util.List;

import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.Type;

/** Builds {@link S3Bucket}s for check tests: starts clean (every check passes), then changes one input. */
final class Buckets {

    static final String TLS_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*",
             "Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""";

    String name = "b";
    String region = "us-east-1";
    List<String> allowed = List.of();
    Observed<PublicAccessBlock> bucketBlock = Observed.present(PublicAccessBlock.ALL_ON);
    Observed<PublicAccessBlock> accountBlock = Observed.present(PublicAccessBlock.ALL_ON);
    Observed<Boolean> policyIsPublic = Observed.present(false);
    Observed<List<Grant>> acl = Observed.present(List.of(ownerGrant()));
    Observed<String> ownership = Observed.unknown();
    Observed<String> policy = Observed.present(TLS_POLICY);
    Observed<String> versioning = Observed.present("Enabled");
    Observed<List<LifecycleRule>> lifecycle = Observed.present(List.of(LifecycleRule.builder().id("r").build()));

    static Buckets clean() {
        return new Buckets();
    }

    Buckets blocks(Observed<PublicAccessBlock> bucket, Observed<PublicAccessBlock> account) {
        this.bucketBlock = bucket;
        this.accountBlock = account;
        return this;
    }

    Buckets policyPublic(Observed<Boolean> p) {
        this.policyIsPublic = p;
        return this;
    }

    Buckets acl(Observed<List<Grant>> a) {
        this.acl = a;
        return this;
    }

    Buckets ownership(Observed<String> o) {
        this.ownership = o;
        return this;
    }

    Buckets policy(Observed<String> p) {
        this.policy = p;
        return this;
    }

    Buckets versioning(Observed<String> v) {
        this.versioning = v;
        return this;
    }

    Buckets lifecycle(Observed<List<LifecycleRule>> l) {
        this.lifecycle = l;
        return this;
    }

    Buckets region(String r, List<String> allowedRegions) {
        this.region = r;
        this.allowed = allowedRegions;
        return this;
    }

    S3Bucket build() {
        return new S3Bucket(name, region, Instant.parse("2024-01-01T00:00:00Z"), allowed, bucketBlock, accountBlock,
                policyIsPublic, acl, ownership, policy, versioning, lifecycle);
    }

    static Grant ownerGrant() {
        return Grant.builder().grantee(Grantee.builder().type(Type.CANONICAL_USER).id("owner").build())
                .permission(Permission.FULL_CONTROL).build();
    }

    static Grant groupGrant(String group) {
        return Grant.builder().grantee(Grantee.builder().type(Type.GROUP)
                .uri("http://acs.amazonaws.com/groups/global/" + group).build()).permission(Permission.READ).build();
    }

    static Observed<PublicAccessBlock> block(boolean blockAcls, boolean ignoreAcls, boolean blockPolicy, boolean restrict) {
        return Observed.present(new PublicAccessBlock(blockAcls, ignoreAcls, blockPolicy, restrict));
    }
}
