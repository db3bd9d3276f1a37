package cloud.consolesensei.s3;

import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Severity;

import java.util.List;
import java.util.Optional;

/**
 * {@code s3.bucket_ssl_not_enforced} (docs/checks.md): no bucket policy statement denies requests with
 * {@code aws:SecureTransport = false} ({@link SecureTransportPolicy}). A bucket without a policy
 * fails; an unreadable or unparseable policy says nothing.
 */
public final class BucketSslNotEnforcedCheck extends BucketCheck {

    public static final CheckDefinition DEFINITION = S3Catalog.bucket("s3.bucket_ssl_not_enforced",
            "S3 bucket does not require TLS", Severity.MEDIUM,
            "no bucket policy statement denies requests with aws:SecureTransport = false. TLS is enforced by "
                    + "a Deny statement that covers every principal (`\"*\"` or `{\"AWS\": \"*\"}`), every S3 action "
                    + "(`s3:*` or `*`) and the bucket's objects (`arn:aws:s3:::<bucket>/*`, alone or with the bucket "
                    + "ARN, or a wider pattern), with the condition `aws:SecureTransport` false under `Bool` or "
                    + "`BoolIfExists` (as a string, a list or a JSON boolean). A Deny on the bucket ARN alone, or on "
                    + "some actions only, does not enforce TLS.",
            "Requests over plain HTTP can be read or altered in transit.",
            "Console: S3 > Buckets > the bucket > Permissions > Bucket policy > Edit: add a statement "
                    + "{\"Sid\":\"DenyInsecureTransport\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
                    + "\"Resource\":[\"arn:aws:s3:::BUCKET\",\"arn:aws:s3:::BUCKET/*\"],"
                    + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}} and save. "
                    + "CLI: aws s3api put-bucket-policy --bucket BUCKET --policy file://policy.json "
                    + "(the existing policy plus that statement)",
            List.of("s3:GetBucketPolicy"),
            List.of("AWS Security Hub S3.5", "CIS AWS Foundations Benchmark v3.0 2.1.1",
                    "Amazon S3 User Guide: Enforce encryption of data in transit"));

    public BucketSslNotEnforcedCheck() {
        super(DEFINITION);
    }

    /** TRUE when the policy denies insecure transport. */
    public static Tri enforced(S3Bucket b) {
        return b.policy().judge(policy -> SecureTransportPolicy.deniesInsecureTransport(policy, b.name()));
    }

    @Override
    public Optional<String> failure(S3Bucket b) {
        if (!enforced(b).not().isTrue()) return Optional.empty();
        return Optional.of(b.policy().isAbsent()
                ? "Bucket " + b.name() + " has no bucket policy, so requests over plain HTTP are accepted."
                : "No statement of the bucket policy denies every principal every S3 action on the bucket's objects "
                        + "(arn:aws:s3:::" + b.name() + "/*) when aws:SecureTransport is false.");
    }
}
