package cloud.consolesensei.s3;

import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.InventorySheet;
import cloud.consolesensei.collect.InventorySheet.Column;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.AbstractResourceSource;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/**
 * The account's S3 buckets, read once per account ({@link Scope#GLOBAL}) and each audited in its
 * own region, whether or not that region is among the account's configured regions.
 * <p>
 * The stream starts with one {@link S3Account} (S3 Control {@code GetPublicAccessBlock}, read once
 * and shared by every bucket's verdict), then, lazily as they are pulled, one {@link S3Bucket} per
 * bucket of {@code ListBuckets} (continuation tokens followed by the SDK paginator). For each bucket:
 * {@code GetBucketLocation} through the us-east-1 client, then with a client of the bucket's own
 * region (a wrong-region call to an opt-in region fails with {@code IllegalLocationConstraintException})
 * {@code GetPublicAccessBlock}, {@code GetBucketPolicyStatus}, {@code GetBucketAcl},
 * {@code GetBucketOwnershipControls} (only when the ACL grants something to everyone),
 * {@code GetBucketPolicy}, {@code GetBucketVersioning} and {@code GetBucketLifecycleConfiguration}.
 * <p>
 * Errors: "nothing configured" answers are facts ({@link AbsentAware}); any other failure of a
 * bucket's read is a coverage gap of that bucket alone, recorded in the bucket's region with the
 * bucket named in the message, and the bucket's other reads go on; a bucket deleted meanwhile
 * ({@code NoSuchBucket}) is skipped without a gap. A failed {@code GetBucketLocation} falls back
 * to the region ListBuckets reported, if any.
 */
public final class S3BucketSource extends AbstractResourceSource<S3Resource> {

    static final String S3 = "s3";
    static final String S3_CONTROL = "s3control";
    /** Where account-wide calls (ListBuckets, GetBucketLocation, S3 Control) are signed. */
    static final String HOME_REGION = "us-east-1";
    /** ListBuckets page size: with max-buckets set, S3 pages with continuation tokens. */
    static final int PAGE_SIZE = 1000;

    public static final InventorySheet SHEET = new InventorySheet("S3 Buckets", List.of(
            Column.text("Bucket"), Column.date("Created"), Column.bool("Public"),
            Column.text("Public access block"), Column.text("Versioning"), Column.bool("Lifecycle"),
            Column.bool("SSL enforced")));

    private static final Logger log = LoggerFactory.getLogger(S3BucketSource.class);

    public S3BucketSource() {
        super("s3.buckets", Scope.GLOBAL, SHEET, List.of(new AccountPublicAccessBlockOffCheck(),
                new BucketPublicCheck(), new BucketPublicAccessBlockOffCheck(), new BucketSslNotEnforcedCheck(),
                new BucketVersioningDisabledCheck(), new BucketNoLifecycleCheck(), new BucketOutsideAllowedRegionsCheck()));
    }

    @Override
    public Stream<S3Resource> read(ReadContext ctx) {
        Once<S3Account> account = new Once<>(() -> new S3Account(ctx.account().id(), readAccountBlock(ctx)));
        Stream<S3Account> first = Stream.of(account).map(Once::get);
        Stream<S3Resource> buckets = ctx.stream(S3, "ListBuckets", () -> home(ctx)
                        .listBucketsPaginator(r -> r.maxBuckets(PAGE_SIZE)).buckets().stream())
                .map(b -> readBucket(ctx, b, account.get().block()))
                .flatMap(Optional::stream);
        return Stream.concat(first, buckets);
    }

    private static S3Client home(ReadContext ctx) {
        return ctx.clients().s3(ctx.account(), HOME_REGION);
    }

    /** S3 Control GetPublicAccessBlock for the account; {@code NoSuchPublicAccessBlockConfiguration} = absent. */
    static Observed<PublicAccessBlock> readAccountBlock(ReadContext ctx) {
        return AbsentAware.read(ctx, S3_CONTROL, "GetPublicAccessBlock", null, "NoSuchPublicAccessBlockConfiguration",
                () -> ctx.clients().s3Control(ctx.account(), HOME_REGION)
                        .getPublicAccessBlock(r -> r.accountId(ctx.account().id()))
                        .publicAccessBlockConfiguration())
                .map(PublicAccessBlock::of);
    }

    /** Reads one bucket's configuration; empty when the bucket is gone or its region unknowable. */
    Optional<S3Resource> readBucket(ReadContext ctx, Bucket listed, Observed<PublicAccessBlock> accountBlock) {
        String name = listed.name();
        String subject = "bucket " + name;
        try {
            Observed<String> location = AbsentAware.read(ctx, S3, "GetBucketLocation", subject, null,
                    () -> home(ctx).getBucketLocation(r -> r.bucket(name)).locationConstraintAsString());
            String region = location.isUnknown() ? listed.bucketRegion() : BucketLocation.region(location.value());
            if (region == null) return Optional.empty();

            BucketReads reads = new BucketReads(inRegion(ctx, region), subject);
            S3Client s3 = ctx.clients().s3(ctx.account(), region);
            Observed<PublicAccessBlock> block = reads.read("GetPublicAccessBlock", "NoSuchPublicAccessBlockConfiguration",
                    () -> s3.getPublicAccessBlock(r -> r.bucket(name)).publicAccessBlockConfiguration())
                    .map(PublicAccessBlock::of);
            Observed<Boolean> policyIsPublic = reads.read("GetBucketPolicyStatus", "NoSuchBucketPolicy",
                    () -> s3.getBucketPolicyStatus(r -> r.bucket(name)).policyStatus())
                    .map(s -> Boolean.TRUE.equals(s.isPublic()));
            Observed<List<Grant>> acl = reads.read("GetBucketAcl", null,
                    () -> s3.getBucketAcl(r -> r.bucket(name)).grants());
            // Ownership can only change a verdict when the ACL grants something to everyone.
            Observed<String> ownership = acl.test(g -> !BucketPublicCheck.publicGrants(g).isEmpty()).isTrue()
                    ? reads.read("GetBucketOwnershipControls", "OwnershipControlsNotFoundError",
                            () -> s3.getBucketOwnershipControls(r -> r.bucket(name)).ownershipControls())
                        .map(oc -> oc.rules().isEmpty() ? null : oc.rules().get(0).objectOwnershipAsString())
                    : Observed.unknown();
            Observed<String> policy = reads.read("GetBucketPolicy", "NoSuchBucketPolicy",
                    () -> s3.getBucketPolicy(r -> r.bucket(name)).policy());
            Observed<String> versioning = reads.read("GetBucketVersioning", null,
                    () -> s3.getBucketVersioning(r -> r.bucket(name)).statusAsString());
            Observed<List<LifecycleRule>> lifecycle = reads.read("GetBucketLifecycleConfiguration",
                    "NoSuchLifecycleConfiguration", () -> s3.getBucketLifecycleConfiguration(r -> r.bucket(name)).rules());
            return Optional.of(new S3Bucket(name, region, listed.creationDate(), ctx.account().allowedRegions(),
                    block, accountBlock, policyIsPublic, acl, ownership, policy, versioning, lifecycle));
        } catch (AbsentAware.ResourceGone e) {
            log.debug("{} was deleted while being audited; skipped", subject);
            return Optional.empty();
        }
    }

    /** The same context for the bucket's own region, so its gaps carry that region. */
    private static ReadContext inRegion(ReadContext ctx, String region) {
        return new ReadContext(ctx.account(), region, ctx.clients(), ctx.asOf(), ctx.settings(), ctx.prices(),
                ctx.gaps(), ctx.options());
    }

    @Override
    public InventoryRow inventoryRow(S3Resource resource, CheckContext context) {
        if (!(resource instanceof S3Bucket b)) return null;
        String versioning = switch (b.versioning().state()) {
            case PRESENT -> b.versioning().value();
            case ABSENT -> "Never enabled";
            case UNKNOWN -> null;
        };
        return new InventoryRow(SHEET.name(), context.accountId(), b.region(), b.name(), Arrays.asList(
                b.name(), b.creationDate(), bool(BucketPublicCheck.isPublic(b)), blockSummary(b), versioning,
                bool(b.lifecycleRules().test(rules -> true)), bool(BucketSslNotEnforcedCheck.enforced(b))));
    }

    private static Boolean bool(Tri t) {
        return t == Tri.UNKNOWN ? null : t.isTrue();
    }

    private static String blockSummary(S3Bucket b) {
        return "bucket " + PublicAccessBlock.describe(b.bucketBlock()) + "; account "
                + PublicAccessBlock.describe(b.accountBlock());
    }

    /** One bucket's reads: its subject and region-scoped context, S3 as the service. */
    private record BucketReads(ReadContext ctx, String subject) {
        <T> Observed<T> read(String operation, String absentCode, Supplier<T> call) {
            return AbsentAware.read(ctx, S3, operation, subject, absentCode, call);
        }
    }

    /** Computes a value on first use; the stream is sequential, so no locking is needed. */
    private static final class Once<T> implements Supplier<T> {
        private Supplier<T> source;
        private T value;

        Once(Supplier<T> source) {
            this.source = source;
        }

        @Override
        public T get() {
            if (source != null) {
                value = source.get();
                source = null;
            }
            return value;
        }
    }
}
