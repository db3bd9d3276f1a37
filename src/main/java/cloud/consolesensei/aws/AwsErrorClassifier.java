package cloud.consolesensei.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The one mapping from AWS SDK v2 exceptions to the {@link ErrorClass}es users see. Error codes
 * follow the AWS API references' "Common Errors" pages (EC2, IAM, STS, S3, Cost Explorer).
 * Messages it produces never contain credentials: the SDK's error messages do not carry them, and
 * request ids are kept for support.
 */
public final class AwsErrorClassifier {

    private static final Set<String> INVALID = Set.of("InvalidClientTokenId", "InvalidAccessKeyId",
            "UnrecognizedClientException", "AuthFailure", "InvalidToken", "IncompleteSignature",
            "MissingAuthenticationToken");
    private static final Set<String> EXPIRED = Set.of("ExpiredToken", "ExpiredTokenException", "TokenRefreshRequired");
    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException",
            "UnauthorizedOperation", "UnauthorizedAccess", "Forbidden", "AllAccessDisabled",
            "AWSOrganizationsNotInUseException");
    private static final Set<String> THROTTLED = Set.of("Throttling", "ThrottlingException",
            "ThrottledException", "RequestLimitExceeded", "SlowDown", "TooManyRequestsException",
            "LimitExceededException", "RequestThrottled", "RequestThrottledException",
            "ProvisionedThroughputExceededException", "BandwidthLimitExceeded", "EC2ThrottledException",
            "PriorRequestNotComplete", "Rate exceeded");
    private static final Set<String> OPT_IN = Set.of("OptInRequired", "InvalidRegion");
    /** EC2's {@code RequestExpired} is a request signed more than 5 minutes ago, i.e. a skewed clock. */
    private static final Set<String> SKEW = Set.of("RequestTimeTooSkewed", "RequestInTheFuture", "RequestExpired");
    private static final Set<String> UNAVAILABLE = Set.of("DataUnavailableException", "BillExpirationException");
    private static final Set<String> NOT_FOUND = Set.of("NoSuchEntity", "NoSuchBucket", "NotFound",
            "InvalidVolume.NotFound", "InvalidSnapshot.NotFound", "InvalidInstanceID.NotFound");

    private static final String OWN_PACKAGE = "cloud.consolesensei.";

    private AwsErrorClassifier() {
    }

    /**
     * Classifies a failed call.
     *
     * @param error         what the SDK threw (or a wrapper around it)
     * @param optInRegion   true when the call went to an opt-in region: there {@code AuthFailure}
     *                      and {@code UnrecognizedClientException} mean "region not enabled"
     * @return the class; never {@code null}
     */
    public static ErrorClass classify(Throwable error, boolean optInRegion) {
        Throwable t = unwrap(error);
        if (t instanceof AwsServiceException ase) {
            String code = code(ase);
            String msg = String.valueOf(ase.getMessage()).toLowerCase(Locale.ROOT);
            int status = ase.statusCode();
            if (code != null) {
                if (SKEW.contains(code) || ("SignatureDoesNotMatch".equals(code)
                        && (msg.contains("skew") || msg.contains("time") && msg.contains("differ")
                        || msg.contains("signature expired")))) {
                    return ErrorClass.CLOCK_SKEW;
                }
                if (OPT_IN.contains(code)) return ErrorClass.REGION_NOT_ENABLED;
                if (optInRegion && ("AuthFailure".equals(code) || "UnrecognizedClientException".equals(code)
                        || "InvalidClientTokenId".equals(code))) {
                    return ErrorClass.REGION_NOT_ENABLED;
                }
                if ("SignatureDoesNotMatch".equals(code) || INVALID.contains(code)) return ErrorClass.INVALID_CREDENTIALS;
                if (EXPIRED.contains(code)) return ErrorClass.EXPIRED_CREDENTIALS;
                if (THROTTLED.contains(code)) return ErrorClass.THROTTLED;
                if (DENIED.contains(code)) {
                    return t instanceof StsException && msg.contains("assumerole") ? ErrorClass.ROLE_NOT_ASSUMABLE
                            : ErrorClass.ACCESS_DENIED;
                }
                if (UNAVAILABLE.contains(code)) return ErrorClass.DATA_UNAVAILABLE;
                if (NOT_FOUND.contains(code) || code.endsWith(".NotFound")) return ErrorClass.NOT_FOUND;
            }
            if (ase.isThrottlingException() || status == 429) return ErrorClass.THROTTLED;
            if (status == 403) return ErrorClass.ACCESS_DENIED;
            if (status >= 500) return ErrorClass.SERVICE_ERROR;
            if (code == null || code.isBlank()) return ErrorClass.MALFORMED_RESPONSE;
            return ErrorClass.CLIENT_ERROR;
        }
        if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException) {
            return ErrorClass.TIMEOUT;
        }
        if (t instanceof SdkClientException sce) {
            // a parse failure first: the SDK's JSON parser errors are IOExceptions too
            if (unparseable(sce)) return ErrorClass.MALFORMED_RESPONSE;
            String msg = String.valueOf(sce.getMessage()).toLowerCase(Locale.ROOT);
            if (msg.contains("unable to load credentials")) return ErrorClass.INVALID_CREDENTIALS;
            if (hasCause(sce, IOException.class) || msg.contains("timed out") || msg.contains("timeout")
                    || msg.contains("connection")) {
                return ErrorClass.TIMEOUT;
            }
            return ErrorClass.MALFORMED_RESPONSE;
        }
        if (t instanceof UncheckedIOException || t instanceof IOException) {
            return unparseable(t) ? ErrorClass.MALFORMED_RESPONSE : ErrorClass.TIMEOUT;
        }
        // a policy document AWS sent that is not JSON fails in Jackson, outside the SDK
        if (unparseable(t)) return ErrorClass.MALFORMED_RESPONSE;
        // anything else (a NullPointerException in a check, a broken invariant) is a bug of ours
        return ErrorClass.INTERNAL_ERROR;
    }

    /**
     * True when the failure is an answer that could not be read as the API documents it: an
     * unmarshalling error, an XML or JSON parse error (Jackson's and StAX's exceptions), or an HTML page.
     */
    private static boolean unparseable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String name = c.getClass().getName();
            String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            if (name.contains("jackson") || name.startsWith("javax.xml.stream") || name.startsWith("org.xml.sax")
                    || name.contains("XMLStream") || m.contains("unable to unmarshall")
                    || m.contains("unable to parse") || m.startsWith(NotAnAwsAnswer.MESSAGE.toLowerCase(Locale.ROOT))
                    || m.startsWith(MalformedAnswer.PREFIX.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The AWS error code, or when the exception carries none (built without error details), the code
     * its modeled type stands for: {@code NoSuchEntityException} -> {@code NoSuchEntity}.
     */
    private static String code(AwsServiceException ase) {
        String code = ase.awsErrorDetails() == null ? null : ase.awsErrorDetails().errorCode();
        if (code != null && !code.isBlank()) return code;
        String type = ase.getClass().getSimpleName();
        String bare = type.endsWith("Exception") ? type.substring(0, type.length() - "Exception".length()) : type;
        for (String candidate : new String[] {type, bare}) {
            for (Set<String> known : List.of(INVALID, EXPIRED, DENIED, THROTTLED, OPT_IN, SKEW, UNAVAILABLE, NOT_FOUND)) {
                if (known.contains(candidate)) return candidate;
            }
        }
        return null;
    }

    /** {@link #classify(Throwable, boolean)} outside opt-in regions. */
    public static ErrorClass classify(Throwable error) {
        return classify(error, false);
    }

    /**
     * A one-line message for reports: the AWS error code and message (request id kept), or the
     * client-side cause. Never includes credentials.
     */
    public static String message(Throwable error) {
        Throwable t = unwrap(error);
        if (classify(error) == ErrorClass.INTERNAL_ERROR) return internalMessage(t);
        if (t instanceof AwsServiceException ase && ase.awsErrorDetails() != null) {
            String code = ase.awsErrorDetails().errorCode();
            String m = ase.awsErrorDetails().errorMessage();
            return (code == null ? "HTTP " + ase.statusCode() : code) + ": " + (m == null ? "" : m)
                    + (ase.requestId() == null ? "" : " (request id " + ase.requestId() + ")");
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (root != t && root.getMessage() != null && !m.contains(root.getMessage())) {
            m = m + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return m.replaceAll("\\s+", " ").trim();
    }

    /**
     * "{@code NullPointerException at cloud.consolesensei.ec2.Tags.of(Tags.java:31): <message>}": the
     * exception type and the first frame of this program's code (the first frame at all when none is
     * ours) of the innermost cause (wrappers only say where it was caught), so a defect can be
     * found without the log.
     */
    static String internalMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        StackTraceElement[] frames = t.getStackTrace();
        StackTraceElement where = null;
        for (StackTraceElement f : frames) {
            if (f.getClassName().startsWith(OWN_PACKAGE)) {
                where = f;
                break;
            }
        }
        if (where == null && frames.length > 0) where = frames[0];
        String m = t.getClass().getSimpleName() + (where == null ? "" : " at " + where)
                + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return m.replaceAll("\\s+", " ").trim();
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while (!(cur instanceof SdkException)
                && cur.getCause() != null && cur.getCause() != cur) {
            cur = cur.getCause();
        }
        return cur instanceof SdkException ? cur : t;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) return true;
        }
        return false;
    }
}
