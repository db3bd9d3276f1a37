package cloud.consolesensei.s3;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.coverage.CoverageGap;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.testkit.AwsTemplate;
import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.Gaps;
import cloud.consolesensei.testkit.WireTest;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The S3 source through the real SDK against WireMock, with bodies shaped as the Amazon S3 API
 * reference documents them (namespace http://s3.amazonaws.com/doc/2006-03-01/, S3 Control
 * http://awss3control.amazonaws.com/doc/2018-08-20/, errors as {@code <Error><Code>}).
 */
@WireTest
class S3BucketSourceWireTest {

    private static final String ACCOUNT_ID = "111111111111";
    private static final AccountTarget ACCOUNT = TestReads.account(ACCOUNT_ID, List.of("us-east-1", "eu-west-1"),
            List.of("us-east-1", "eu-west-1"));

    private AwsWire aws;
    private final Gaps gaps = new Gaps();
    private int requestIds;

    @BeforeEach
    void start() {
        aws = AwsWire.withJournal();
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    // ---- stubs, bodies as the S3 API reference shows them ----

    private void s3(String bucket, String subresource, int status, String body) {
        aws.server().stubFor(get(urlPathEqualTo("/" + bucket)).withQueryParam(subresource, matching(".*"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/xml")
                        .withHeader("x-amz-request-id", "REQ" + (++requestIds)).withBody(body)));
    }

    private static String error(String code, String message, String bucket) {
        return AwsTemplate.of("s3/error.xml").fill("code", code, "message", message, "bucket", bucket);
    }

    /**
     * S3 Control wraps its errors in {@code <ErrorResponse>}, unlike S3 (as AWS answers it; see
     * getmoto/moto#9716, which fixed its emulation to match).
     */
    private static String controlError(String code, String message) {
        return AwsTemplate.of("s3control/error.xml").fill("code", code, "message", message, "account", ACCOUNT_ID);
    }

    private void location(String bucket, String constraint) {
        s3(bucket, "location", 200, AwsTemplate.of("s3/get-bucket-location.xml").fill("constraint", constraint));
    }

    private void block(String bucket, boolean acls, boolean ignore, boolean policy, boolean restrict) {
        s3(bucket, "publicAccessBlock", 200, AwsTemplate.of("s3/get-public-access-block.xml")
                .fill(settings(acls, ignore, policy, restrict)));
    }

    private static Object[] settings(boolean acls, boolean ignore, boolean policy, boolean restrict) {
        return new Object[] {"blockPublicAcls", acls, "ignorePublicAcls", ignore, "blockPublicPolicy", policy,
                "restrictPublicBuckets", restrict};
    }

    private void noBlock(String bucket) {
        s3(bucket, "publicAccessBlock", 404, error("NoSuchPublicAccessBlockConfiguration",
                "The public access block configuration was not found", bucket));
    }

    private void policyStatus(String bucket, boolean isPublic) {
        s3(bucket, "policyStatus", 200, AwsTemplate.of("s3/get-bucket-policy-status.xml").fill("isPublic", isPublic));
    }

    private void noPolicy(String bucket) {
        String body = error("NoSuchBucketPolicy", "The bucket policy does not exist", bucket);
        s3(bucket, "policyStatus", 404, body);
        s3(bucket, "policy", 404, body);
    }

    private void policy(String bucket, String json) {
        aws.server().stubFor(get(urlPathEqualTo("/" + bucket)).withQueryParam("policy", matching(".*"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json)));
    }

    /** The owner's FULL_CONTROL grant, plus READ for the global group {@code publicGroup} when not null. */
    private void acl(String bucket, String publicGroup) {
        String extra = publicGroup == null ? "" : AwsTemplate.of("s3/grant-group-read.xml").fill("group", publicGroup);
        s3(bucket, "acl", 200, AwsTemplate.of("s3/get-bucket-acl.xml").fill("grants", extra));
    }

    private void ownership(String bucket, String objectOwnership) {
        if (objectOwnership == null) {
            s3(bucket, "ownershipControls", 404, error("OwnershipControlsNotFoundError",
                    "The bucket ownership controls were not found", bucket));
        } else {
            s3(bucket, "ownershipControls", 200, AwsTemplate.of("s3/get-bucket-ownership-controls.xml")
                    .fill("objectOwnership", objectOwnership));
        }
    }

    private void versioning(String bucket, String status) {
        s3(bucket, "versioning", 200, status == null ? AwsWire.file("s3/get-bucket-versioning-never-enabled.xml")
                : AwsTemplate.of("s3/get-bucket-versioning.xml").fill("status", status));
    }

    private void lifecycle(String bucket, boolean present) {
        if (!present) {
            s3(bucket, "lifecycle", 404, error("NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist", bucket));
        } else {
            s3(bucket, "lifecycle", 200, AwsWire.file("s3/get-bucket-lifecycle-configuration-expire-logs.xml"));
        }
    }

    private void accountBlock(int status, String body) {
        aws.server().stubFor(get(urlPathEqualTo("/v20180820/configuration/publicAccessBlock"))
                .withHeader("x-amz-account-id", equalTo(ACCOUNT_ID))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/xml").withBody(body)));
    }

    private void accountBlock(boolean acls, boolean ignore, boolean policy, boolean restrict) {
        accountBlock(200, AwsTemplate.of("s3control/get-public-access-block.xml").fill(settings(acls, ignore, policy, restrict)));
    }

    private static String bucketXml(String name, String region) {
        return AwsTemplate.of("s3/bucket-item.xml").fill("name", name, "region", region);
    }

    private void listBuckets(String token, String nextToken, String... buckets) {
        String body = AwsTemplate.of("s3/list-buckets.xml").fill("buckets", String.join("", buckets), "continuationToken",
                nextToken == null ? "" : AwsTemplate.of("s3/list-buckets-continuation-token.xml").fill("token", nextToken));
        aws.server().stubFor(get(urlPathEqualTo("/")).withQueryParam("max-buckets", equalTo("1000"))
                .withQueryParam("continuation-token", token == null ? absent() : equalTo(token))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody(body)));
    }

    private static final String TLS_POLICY = """
            {"Version":"2012-10-17","Statement":{"Sid":"TlsOnly","Effect":"Deny","Principal":{"AWS":"*"},"Action":"s3:*",
            "Resource":["arn:aws:s3:::gamma-syd","arn:aws:s3:::gamma-syd/*"],
            "Condition":{"BoolIfExists":{"aws:SecureTransport":false}}}}""";
    private static final String PUBLIC_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*",
            "Action":"s3:GetObject","Resource":"arn:aws:s3:::alpha/*"}]}""";

    private List<Finding> audit(AccountTarget account) {
        S3BucketSource source = new S3BucketSource();
        ReadContext ctx = TestReads.context(account, Finding.GLOBAL, aws.clients(), gaps);
        List<Finding> findings = new ArrayList<>();
        source.read(ctx).forEach(r -> source.checks().forEach(c -> findings.addAll(c.evaluate(r, ctx.checkContext()))));
        return findings;
    }

    /** A bucket in {@code location} with every setting clean. */
    private void cleanBucket(String name, String location) {
        location(name, location);
        block(name, true, true, true, true);
        policyStatus(name, false);
        acl(name, null);
        policy(name, TLS_POLICY.replace("gamma-syd", name)); // a deny on this bucket's objects
        versioning(name, "Enabled");
        lifecycle(name, true);
    }

    @Test
    void tlsIsEnforcedOnlyByADenyOfEveryActionOnTheBucketsObjects() {
        accountBlock(true, true, true, true);
        listBuckets(null, null, bucketXml("tls-objects", "us-east-1"), bucketXml("tls-wide", "us-east-1"),
                bucketXml("tls-bucket-only", "us-east-1"), bucketXml("tls-some-actions", "us-east-1"));
        for (String name : List.of("tls-objects", "tls-wide", "tls-bucket-only", "tls-some-actions")) {
            cleanBucket(name, "");
        }
        // GetBucketPolicy answers the policy document itself (application/json), as the S3 API reference shows
        for (String file : List.of("tls-objects", "tls-wide", "tls-bucket-arn-only", "tls-some-actions")) {
            String bucket = file.equals("tls-bucket-arn-only") ? "tls-bucket-only" : file;
            aws.server().stubFor(get(urlPathEqualTo("/" + bucket)).withQueryParam("policy", matching(".*")).atPriority(1)
                    .willReturn(AwsWire.fromFile("s3/get-bucket-policy-" + file + ".json", "application/json")));
        }

        List<Finding> findings = audit(ACCOUNT);

        assertThat(gaps.recorded()).isEmpty();
        assertThat(findings).filteredOn(f -> f.checkId().equals("s3.bucket_ssl_not_enforced"))
                .extracting(Finding::resourceId).containsExactlyInAnyOrder("tls-bucket-only", "tls-some-actions");
    }

    @Test
    void auditsEveryBucketInItsOwnRegionAcrossPagesWithAbsentConfigurationsAsFacts() {
        accountBlock(true, false, true, false);
        listBuckets(null, "tok-2", bucketXml("alpha", "us-east-1"), bucketXml("beta-eu", "eu-west-1"));
        listBuckets("tok-2", null, bucketXml("gamma-syd", "ap-southeast-2"), bucketXml("gone-bucket", "us-west-2"),
                bucketXml("locked", "us-west-2"));

        // alpha: empty location (us-east-1); nothing configured; public policy and AuthenticatedUsers ACL.
        location("alpha", "");
        noBlock("alpha");
        policyStatus("alpha", true);
        acl("alpha", "AuthenticatedUsers");
        ownership("alpha", null);
        policy("alpha", PUBLIC_POLICY);
        versioning("alpha", null);
        lifecycle("alpha", false);

        // beta-eu: legacy EU location; partial block; public ACL disabled by BucketOwnerEnforced; no policy.
        location("beta-eu", "EU");
        block("beta-eu", true, false, true, true);
        noPolicy("beta-eu");
        acl("beta-eu", "AllUsers");
        ownership("beta-eu", "BucketOwnerEnforced");
        versioning("beta-eu", "Enabled");
        lifecycle("beta-eu", true);

        // gamma-syd: clean, outside the allowed regions.
        cleanBucket("gamma-syd", "ap-southeast-2");

        // gone-bucket: deleted between ListBuckets and its reads.
        location("gone-bucket", "us-west-2");
        s3("gone-bucket", "publicAccessBlock", 404, error("NoSuchBucket", "The specified bucket does not exist", "gone-bucket"));

        // locked: the audit identity may not read its policy.
        cleanBucket("locked", "us-west-2");
        s3("locked", "policy", 403, error("AccessDenied", "Access Denied", "locked"));
        versioning("locked", "Suspended");

        List<Finding> findings = audit(ACCOUNT);

        assertThat(findings).extracting(Finding::resourceId, Finding::checkId, Finding::region).containsExactlyInAnyOrder(
                tuple(ACCOUNT_ID, "s3.account_public_access_block_off", "global"),
                tuple("alpha", "s3.bucket_public", "us-east-1"),
                tuple("alpha", "s3.bucket_public_access_block_off", "us-east-1"),
                tuple("alpha", "s3.bucket_ssl_not_enforced", "us-east-1"),
                tuple("alpha", "s3.bucket_versioning_disabled", "us-east-1"),
                tuple("alpha", "s3.bucket_no_lifecycle", "us-east-1"),
                tuple("beta-eu", "s3.bucket_public_access_block_off", "eu-west-1"),
                tuple("beta-eu", "s3.bucket_ssl_not_enforced", "eu-west-1"),
                tuple("gamma-syd", "s3.bucket_outside_allowed_regions", "ap-southeast-2"),
                tuple("locked", "s3.bucket_versioning_disabled", "us-west-2"),
                tuple("locked", "s3.bucket_outside_allowed_regions", "us-west-2"));
        assertThat(findings).allMatch(f -> f.accountId().equals(ACCOUNT_ID));
        assertThat(findings).filteredOn(f -> f.checkId().equals("s3.bucket_public")).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("bucket policy is public")
                        .contains("READ to AuthenticatedUsers"));
        assertThat(findings).filteredOn(f -> f.checkId().equals("s3.account_public_access_block_off")).singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("IgnorePublicAcls, RestrictPublicBuckets"));

        assertThat(gaps.recorded()).singleElement().satisfies(g -> {
            assertThat(g).extracting(CoverageGap::accountId, CoverageGap::region, CoverageGap::service,
                    CoverageGap::operation, CoverageGap::errorClass)
                    .containsExactly(ACCOUNT_ID, "us-west-2", "s3", "GetBucketPolicy", ErrorClass.ACCESS_DENIED);
            assertThat(g.message()).startsWith("bucket locked: AccessDenied: Access Denied");
            assertThat(g.info()).isFalse();
        });

        // Each bucket's reads are signed for its own region; the deleted bucket was dropped at once.
        aws.server().verify(getRequestedFor(urlPathEqualTo("/gamma-syd")).withQueryParam("acl", matching(".*"))
                .withHeader("Authorization", containing("/ap-southeast-2/s3/aws4_request")));
        aws.server().verify(getRequestedFor(urlPathEqualTo("/beta-eu")).withQueryParam("versioning", matching(".*"))
                .withHeader("Authorization", containing("/eu-west-1/s3/aws4_request")));
        aws.server().verify(2, getRequestedFor(urlPathEqualTo("/gone-bucket")));
        // Ownership is read only where an ACL grants something to everyone.
        aws.server().verify(0, getRequestedFor(urlPathEqualTo("/gamma-syd")).withQueryParam("ownershipControls", matching(".*")));
        aws.server().verify(1, getRequestedFor(urlPathEqualTo("/v20180820/configuration/publicAccessBlock"))
                .withHeader("x-amz-account-id", equalTo(ACCOUNT_ID)));
        assertThat(aws.server().findAllUnmatchedRequests()).isEmpty();
    }

    @Test
    void unreadableAccountBlockSilencesTheChecksThatNeedIt() {
        accountBlock(403, controlError("AccessDenied", "Access Denied"));
        listBuckets(null, null, bucketXml("alpha", "us-east-1"));
        location("alpha", "");
        noBlock("alpha");
        policyStatus("alpha", true);
        acl("alpha", null);
        policy("alpha", PUBLIC_POLICY);
        versioning("alpha", "Enabled");
        lifecycle("alpha", true);

        List<Finding> findings = audit(ACCOUNT);

        assertThat(findings).extracting(Finding::resourceId, Finding::checkId)
                .containsExactly(tuple("alpha", "s3.bucket_ssl_not_enforced"));
        assertThat(gaps.recorded()).singleElement().extracting(CoverageGap::region, CoverageGap::service,
                CoverageGap::operation, CoverageGap::errorClass)
                .containsExactly("global", "s3control", "GetPublicAccessBlock", ErrorClass.ACCESS_DENIED);
    }

    @Test
    void missingAccountBlockFiresAndLeavesBucketsWithoutTheirOwnBlockUncovered() {
        accountBlock(404, controlError("NoSuchPublicAccessBlockConfiguration",
                "The public access block configuration was not found"));
        listBuckets(null, null, bucketXml("alpha", "us-east-1"));
        cleanBucket("alpha", "");
        noBlock("alpha");

        assertThat(audit(ACCOUNT)).extracting(Finding::resourceId, Finding::checkId).containsExactlyInAnyOrder(
                tuple(ACCOUNT_ID, "s3.account_public_access_block_off"),
                tuple("alpha", "s3.bucket_public_access_block_off"));
        assertThat(gaps.recorded()).isEmpty();
    }

    @Test
    void fullyOnAccountBlockCoversABucketWithoutItsOwn() {
        accountBlock(true, true, true, true);
        listBuckets(null, null, bucketXml("alpha", "us-east-1"));
        cleanBucket("alpha", "");
        noBlock("alpha");
        policyStatus("alpha", true);
        acl("alpha", "AllUsers");
        ownership("alpha", "ObjectWriter");

        assertThat(audit(ACCOUNT)).isEmpty();
        assertThat(gaps.recorded()).isEmpty();
    }

    @Test
    void failedListingIsOneGapAndTheAccountItemStillComes() {
        accountBlock(true, true, true, true);
        aws.server().stubFor(get(urlPathEqualTo("/")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/xml").withBody(error("AccessDenied", "Access Denied", ""))));

        S3BucketSource source = new S3BucketSource();
        List<S3Resource> items = source.read(TestReads.context(ACCOUNT, Finding.GLOBAL, aws.clients(), gaps)).toList();

        assertThat(items).singleElement().isInstanceOf(S3Account.class);
        assertThat(gaps.recorded()).singleElement().extracting(CoverageGap::region, CoverageGap::service,
                CoverageGap::operation, CoverageGap::errorClass)
                .containsExactly("global", "s3", "ListBuckets", ErrorClass.ACCESS_DENIED);
    }

    @Test
    void unreadableLocationFallsBackToTheRegionListBucketsReported() {
        accountBlock(true, true, true, true);
        listBuckets(null, null, bucketXml("delta", "eu-west-1"));
        cleanBucket("delta", "eu-west-1");
        s3("delta", "location", 403, error("AccessDenied", "Access Denied", "delta"));
        versioning("delta", "Suspended");

        assertThat(audit(ACCOUNT)).extracting(Finding::resourceId, Finding::checkId, Finding::region)
                .containsExactly(tuple("delta", "s3.bucket_versioning_disabled", "eu-west-1"));
        assertThat(gaps.recorded()).singleElement().satisfies(g -> {
            assertThat(g).extracting(CoverageGap::region, CoverageGap::service, CoverageGap::operation)
                    .containsExactly("global", "s3", "GetBucketLocation");
            assertThat(g.message()).startsWith("bucket delta: AccessDenied");
        });
        aws.server().verify(getRequestedFor(urlPathEqualTo("/delta")).withQueryParam("versioning", matching(".*"))
                .withHeader("Authorization", containing("/eu-west-1/s3/aws4_request")));
    }

    @Test
    void bucketsAreReadAsTheStreamIsPulled() {
        accountBlock(true, true, true, true);
        listBuckets(null, null, bucketXml("first", "us-east-1"), bucketXml("second", "us-east-1"));
        cleanBucket("first", "");
        cleanBucket("second", "");

        var items = new S3BucketSource().read(TestReads.context(ACCOUNT, Finding.GLOBAL, aws.clients(), gaps)).iterator();
        assertThat(aws.server().getAllServeEvents()).isEmpty();
        assertThat(items.next()).isInstanceOf(S3Account.class);
        assertThat(items.next()).isInstanceOfSatisfying(S3Bucket.class, b -> assertThat(b.name()).isEqualTo("first"));
        aws.server().verify(0, getRequestedFor(urlPathEqualTo("/second")));
        assertThat(items.next()).isInstanceOfSatisfying(S3Bucket.class, b -> assertThat(b.name()).isEqualTo("second"));
        assertThat(items.hasNext()).isFalse();
    }
}
