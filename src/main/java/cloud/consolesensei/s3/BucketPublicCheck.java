package cloud.consolesensei.s3;

import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * {@code s3.bucket_public} (docs/checks.md): the bucket is public through its policy (GetBucketPolicyStatus
 * IsPublic) unless the bucket's or the account's RestrictPublicBuckets neutralises it, or through an
 * ACL grant to AllUsers / AuthenticatedUsers unless the bucket's or the account's IgnorePublicAcls
 * neutralises it or Object Ownership is BucketOwnerEnforced (ACLs disabled grant nothing). Built in
 * three-valued logic, so an unreadable input only silences the check when it could change the verdict.
 */
public final class BucketPublicCheck extends BucketCheck {

    public static final CheckDefinition DEFINITION = S3Catalog.bucket("s3.bucket_public",
            "S3 bucket is public", Severity.CRITICAL,
            "policy status IsPublic, or an ACL grant to AllUsers / AuthenticatedUsers. A policy whose status "
                    + "is IsPublic that neither the bucket's nor the account's RestrictPublicBuckets neutralises, or "
                    + "an ACL grant to AllUsers or AuthenticatedUsers that neither the bucket's nor the account's "
                    + "IgnorePublicAcls neutralises (ACLs disabled by BucketOwnerEnforced grant nothing).",
            "Anyone on the internet (or any AWS user) can read or write the bucket's objects, the most common cause of S3 data leaks.",
            "Console: S3 > Buckets > the bucket > Permissions > Block public access (bucket settings) > Edit: turn on all four settings and save; "
                    + "then remove the public statement from the bucket policy and the AllUsers/AuthenticatedUsers grants from the ACL "
                    + "(or set Object Ownership to 'Bucket owner enforced'). "
                    + "CLI: aws s3api put-public-access-block --bucket BUCKET --public-access-block-configuration "
                    + "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
            List.of("s3:GetBucketPolicyStatus", "s3:GetBucketAcl", "s3:GetBucketOwnershipControls",
                    "s3:GetBucketPublicAccessBlock", "s3:GetAccountPublicAccessBlock"),
            List.of("AWS Security Hub S3.2, S3.3", "Amazon S3 User Guide: The meaning of \"public\"",
                    "Amazon S3 User Guide: Blocking public access to your Amazon S3 storage"));

    /** ACL grantee groups that mean everyone (S3 User Guide, "Amazon S3 predefined groups"). */
    static final Set<String> PUBLIC_GROUPS = Set.of("http://acs.amazonaws.com/groups/global/AllUsers",
            "http://acs.amazonaws.com/groups/global/AuthenticatedUsers");

    public BucketPublicCheck() {
        super(DEFINITION);
    }

    /** Public through the bucket policy, not neutralised by RestrictPublicBuckets. */
    static Tri publicByPolicy(S3Bucket b) {
        Tri restricted = b.bucketBlock().test(PublicAccessBlock::restrictPublicBuckets)
                .or(b.accountBlock().test(PublicAccessBlock::restrictPublicBuckets));
        return b.policyIsPublic().test(Boolean::booleanValue).and(restricted.not());
    }

    /** Public through an ACL grant, not neutralised by IgnorePublicAcls nor by disabled ACLs. */
    static Tri publicByAcl(S3Bucket b) {
        Tri ignored = b.bucketBlock().test(PublicAccessBlock::ignorePublicAcls)
                .or(b.accountBlock().test(PublicAccessBlock::ignorePublicAcls));
        Tri aclsDisabled = b.objectOwnership().test("BucketOwnerEnforced"::equals);
        return b.acl().test(g -> !publicGrants(g).isEmpty()).and(ignored.not()).and(aclsDisabled.not());
    }

    /** The verdict the check fires on; also the inventory's "public" column. */
    public static Tri isPublic(S3Bucket b) {
        return publicByPolicy(b).or(publicByAcl(b));
    }

    /** Grants to AllUsers or AuthenticatedUsers. */
    static List<Grant> publicGrants(List<Grant> grants) {
        return grants.stream()
                .filter(g -> g.grantee() != null && g.grantee().type() == Type.GROUP
                        && PUBLIC_GROUPS.contains(g.grantee().uri()))
                .toList();
    }

    @Override
    public Optional<String> failure(S3Bucket b) {
        if (!isPublic(b).isTrue()) return Optional.empty();
        List<String> why = new ArrayList<>();
        if (publicByPolicy(b).isTrue()) {
            why.add("the bucket policy is public (GetBucketPolicyStatus IsPublic) and RestrictPublicBuckets is off for the bucket and the account");
        }
        if (publicByAcl(b).isTrue()) {
            List<String> grants = publicGrants(b.acl().value()).stream()
                    .map(g -> g.permissionAsString() + " to " + g.grantee().uri().substring(g.grantee().uri().lastIndexOf('/') + 1))
                    .distinct().toList();
            why.add("the ACL grants " + String.join(", ", grants)
                    + " and neither IgnorePublicAcls nor BucketOwnerEnforced ownership disables it");
        }
        return Optional.of("Bucket " + b.name() + " is public: " + String.join("; ", why) + ".");
    }
}
