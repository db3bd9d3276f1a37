package cloud.consolesensei.logging;

import cloud.consolesensei.aws.AwsErrorClassifier;
import cloud.consolesensei.aws.ErrorClass;

import java.util.Locale;

import io.micrometer.core.instrument.Metrics;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts AWS API calls (one per operation call, retries not counted) made by the current thread,
 * for the per-partition log line: a collect partition runs on one thread and the SDK's sync clients
 * call interceptors on the caller's thread. Registered for every SDK client as a global interceptor
 * ({@code software/amazon/awssdk/global/handlers/execution.interceptors}), so no client factory
 * needs to know about it.
 * <p>
 * It also feeds the metrics of README through Micrometer's global registry (Spring Boot adds
 * its Prometheus registry to it): {@code consolesensei_aws_calls_total{service,outcome}}, one per
 * call once it ended (outcome {@code success}, {@code throttled} or {@code denied} past the retries,
 * else {@code failed}; service as the SDK names it, lower case, {@code ce} for Cost Explorer), and
 * {@code consolesensei_cost_explorer_requests_total}, one per HTTP request sent to Cost Explorer
 * (each is billed 0.01 USD, retries included).
 */
public class AwsCallCounter implements ExecutionInterceptor {

    private static final ThreadLocal<long[]> CALLS = ThreadLocal.withInitial(() -> new long[1]);

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
        CALLS.get()[0]++;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
        if ("ce".equals(service(executionAttributes))) {
            Metrics.counter("consolesensei.cost.explorer.requests").increment();
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes executionAttributes) {
        calls(executionAttributes, "success");
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes executionAttributes) {
        ErrorClass c = AwsErrorClassifier.classify(context.exception());
        calls(executionAttributes, c == ErrorClass.THROTTLED ? "throttled" : c == ErrorClass.ACCESS_DENIED ? "denied" : "failed");
    }

    private static void calls(ExecutionAttributes attributes, String outcome) {
        Metrics.counter("consolesensei.aws.calls", "service", service(attributes), "outcome", outcome).increment();
    }

    /** The service id as the coverage gaps name it ({@code ec2}, {@code s3}, {@code ce}, ...). */
    static String service(ExecutionAttributes attributes) {
        String name = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        if (name == null) return "unknown";
        String id = name.toLowerCase(Locale.ROOT);
        return "costexplorer".equals(id) ? "ce" : id;
    }

    /** Starts counting from zero on this thread. */
    public static void reset() {
        CALLS.get()[0] = 0;
    }

    /** Calls made on this thread since {@link #reset()}. */
    public static long count() {
        return CALLS.get()[0];
    }
}
