package cloud.consolesensei.s3;

import cloud.consolesensei.collect.ReadContext;

import java.util.Set;
import java.util.function.Supplier;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Calls AWS where some error codes are answers rather than failures. S3 reports "nothing is
 * configured" as an error ({@code NoSuchBucketPolicy}, {@code NoSuchLifecycleConfiguration},
 * {@code NoSuchPublicAccessBlockConfiguration}, ...): those become {@link Observed#absent()}
 * here, before the shared gap logic of {@link ReadContext} sees them. A bucket deleted between
 * listing and reading ({@code NoSuchBucket}) is not a gap either: it raises {@link ResourceGone}
 * so the caller can skip the bucket. Every other failure is recorded as a coverage gap through
 * {@link ReadContext#failed} and gives {@link Observed#unknown()}.
 */
final class AbsentAware {

    /** Error codes meaning the resource itself no longer exists (S3 API reference, "Error codes"). */
    private static final Set<String> GONE = Set.of("NoSuchBucket");

    private AbsentAware() {
    }

    /**
     * Makes {@code call}.
     *
     * @param ctx        context whose account and region the gap is recorded for
     * @param service    SDK service id for the gap ({@code s3}, {@code s3control})
     * @param operation  API operation name for the gap, e.g. {@code GetBucketPolicy}
     * @param subject    names the resource in the gap's message (e.g. "bucket logs"), or null
     * @param absentCode error code that means "nothing configured", or null if none does
     * @param call       the call; a {@code null} result counts as absent
     * @return present, absent or unknown (gap recorded)
     * @throws ResourceGone when AWS says the resource no longer exists
     */
    static <T> Observed<T> read(ReadContext ctx, String service, String operation, String subject,
                                String absentCode, Supplier<T> call) {
        try {
            return Observed.present(call.get());
        } catch (RuntimeException e) {
            String code = errorCode(e);
            if (code != null && code.equals(absentCode)) return Observed.absent();
            if (code != null && GONE.contains(code)) throw new ResourceGone(subject, e);
            ctx.failed(service, operation, subject, e);
            return Observed.unknown();
        }
    }

    /** The AWS error code of a service exception, or null for client-side failures. */
    static String errorCode(Throwable e) {
        return e instanceof AwsServiceException ase && ase.awsErrorDetails() != null
                ? ase.awsErrorDetails().errorCode() : null;
    }

    /** The resource was deleted while it was being read: skip it, record nothing. */
    static final class ResourceGone extends RuntimeException {
        ResourceGone(String subject, Throwable cause) {
            super(subject + " no longer exists", cause, false, false);
        }
    }
}
