package cloud.consolesensei.aws;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Says which endpoint a call could not reach, and that it is waiting for it.
 * <ul>
 *   <li>A call that ends without an answer (connection refused, unknown host, no answer within
 *       the connect or read timeout, the whole call past {@code consolesensei.aws.api-call-timeout})
 *       fails with a message naming the endpoint URL it called ({@code AWS_ENDPOINT_URL} included),
 *       the attempts made and the time spent: it is a network problem, never reported as one of
 *       credentials. Its class stays {@link ErrorClass#TIMEOUT}.</li>
 *   <li>An attempt that got no answer within the connect or read timeout is followed by one WARN
 *       line per retry ("no answer from ... after 30 s (attempt 1 of 8); retrying"), so a run facing
 *       an endpoint that never answers is not silent.</li>
 * </ul>
 */
final class EndpointDiagnostics implements ExecutionInterceptor {

    private static final Logger log = LoggerFactory.getLogger(EndpointDiagnostics.class);

    /** [call start (ns), attempt start (ns), attempts so far, 1 when the last attempt got an answer]. */
    private static final ExecutionAttribute<long[]> TIMES = new ExecutionAttribute<>("consolesensei.endpoint-times");

    private final AwsSettings settings;

    EndpointDiagnostics(AwsSettings settings) {
        this.settings = settings;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(TIMES, new long[] {System.nanoTime(), 0, 0, 0});
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        long[] t = attributes.getAttribute(TIMES);
        if (t == null) return;
        long now = System.nanoTime();
        // the previous attempt got no answer at all and took at least a connect or read timeout
        // (its retry backoff included): say so, a throttled or 5xx attempt has an answer and stays quiet
        if (t[2] > 0 && t[3] == 0) {
            Duration last = Duration.ofNanos(now - t[1]);
            Duration quiet = settings.connectTimeout().compareTo(settings.readTimeout()) < 0
                    ? settings.connectTimeout() : settings.readTimeout();
            if (last.compareTo(quiet) >= 0) {
                log.warn("no answer from {} ({} {}) in {} (attempt {} of {}); retrying, at most {} in all"
                                + " (consolesensei.aws.api-call-timeout)", endpoint(context.httpRequest()), service(attributes),
                        operation(attributes), seconds(last), t[2], settings.maxAttempts(), seconds(settings.apiCallTimeout()));
            }
        }
        t[1] = now;
        t[2]++;
        t[3] = 0;
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        long[] t = attributes.getAttribute(TIMES);
        if (t != null) t[3] = 1;
    }

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable e = context.exception();
        if (e instanceof SdkServiceException || !unanswered(e)) return e;
        long[] t = attributes.getAttribute(TIMES);
        String where = context.httpRequest().map(EndpointDiagnostics::endpoint).orElse("the AWS endpoint");
        String message = "cannot reach " + where + " (" + service(attributes) + " " + operation(attributes) + "): "
                + cause(e) + (t == null || t[2] == 0 ? "" : " (" + t[2] + " attempt" + (t[2] == 1 ? "" : "s") + " in "
                + seconds(Duration.ofNanos(System.nanoTime() - t[0])) + ")")
                + "; a network problem, not one of credentials: check that the endpoint is up and reachable"
                + " (AWS_ENDPOINT_URL, proxy, VPC endpoint)";
        // the SDK's own timeout exception says no more than this message (its limit): not kept as a cause
        if (e instanceof ApiCallTimeoutException) return ApiCallTimeoutException.builder().message(message).build();
        if (e instanceof ApiCallAttemptTimeoutException) {
            return ApiCallAttemptTimeoutException.builder().message(message).cause(e).build();
        }
        return SdkClientException.builder().message(message).cause(e).build();
    }

    /** True for a call that got no answer at all: I/O failures and the SDK's call timeouts, not a parse error. */
    private static boolean unanswered(Throwable e) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) return true;
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String name = c.getClass().getName();
            if (name.contains("jackson") || name.contains("XMLStream") || name.startsWith("org.xml.sax")) return false;
            if (c instanceof IOException) return true;
        }
        return false;
    }

    /** The innermost cause, as {@code ConnectException: Connection refused}, or the SDK's own timeout words. */
    private String cause(Throwable e) {
        if (e instanceof ApiCallTimeoutException) {
            return "no answer within the API call timeout of " + seconds(settings.apiCallTimeout())
                    + " (consolesensei.aws.api-call-timeout)";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String m = root.getMessage() == null ? "" : ": " + root.getMessage();
        return (root.getClass().getSimpleName() + m).replaceAll("\\s+", " ").trim();
    }

    /** {@code scheme://host[:port]} of the request. */
    private static String endpoint(SdkHttpRequest r) {
        int port = r.port();
        boolean standard = port == -1 || "https".equals(r.protocol()) && port == 443 || "http".equals(r.protocol()) && port == 80;
        return r.protocol() + "://" + r.host() + (standard ? "" : ":" + port);
    }

    private static String service(ExecutionAttributes attributes) {
        String s = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static String operation(ExecutionAttributes attributes) {
        String o = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        return o == null ? "" : o;
    }

    /** {@code 2.5 s}, {@code 120 s}. */
    private static String seconds(Duration d) {
        return d.toMillis() < 10_000 ? String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0) : d.toSeconds() + " s";
    }
}
