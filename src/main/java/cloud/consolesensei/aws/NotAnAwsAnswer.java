package cloud.consolesensei.aws;

import java.util.Locale;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Rejects a successful-looking answer that is an HTML page (a captive portal, a proxy's or load
 * balancer's error page served with 200): AWS answers XML or JSON, and an HTML page parsed as an
 * AWS answer would read as an empty list, a silently empty inventory. The call fails with an
 * {@link SdkClientException} that {@link AwsErrorClassifier} classifies as a malformed response.
 */
final class NotAnAwsAnswer implements ExecutionInterceptor {

    static final NotAnAwsAnswer INSTANCE = new NotAnAwsAnswer();

    /** Message prefix the classifier recognises. */
    static final String MESSAGE = "The answer is not an AWS response";

    private NotAnAwsAnswer() {
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        SdkHttpResponse r = context.httpResponse();
        if (!r.isSuccessful()) return;
        String type = r.firstMatchingHeader("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("text/html")) {
            throw SdkClientException.create(MESSAGE + ": HTTP " + r.statusCode() + " with Content-Type " + type
                    + " (an HTML page, e.g. from a proxy)");
        }
    }
}
