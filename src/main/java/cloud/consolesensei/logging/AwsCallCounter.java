package cloud.consolesensei.logging;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts AWS API calls (one per operation call, retries not counted) made by the current thread,
 * for the per-partition log line: a collect partition runs on one thread and the SDK's sync clients
 * call interceptors on the caller's thread. Registered for every SDK client as a global interceptor
 * ({@code software/amazon/awssdk/global/handlers/execution.interceptors}), so no client factory
 * needs to know about it.
 */
public class AwsCallCounter implements ExecutionInterceptor {

    private static final ThreadLocal<long[]> CALLS = ThreadLocal.withInitial(() -> new long[1]);

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
        CALLS.get()[0]++;
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
