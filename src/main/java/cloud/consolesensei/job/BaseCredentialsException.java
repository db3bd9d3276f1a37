package cloud.consolesensei.job;

import cloud.consolesensei.aws.AwsErrorClassifier;
import cloud.consolesensei.aws.ErrorClass;

/**
 * The base identity (the SDK default credential chain) cannot call AWS at all: the run fails fast
 * (exit 1) with the remedy, instead of producing a report full of gaps.
 */
public class BaseCredentialsException extends RuntimeException {

    private final ErrorClass errorClass;

    public BaseCredentialsException(Throwable cause) {
        super(describe(cause), cause);
        this.errorClass = AwsErrorClassifier.classify(cause);
    }

    /** What kind of failure it was. */
    public ErrorClass errorClass() {
        return errorClass;
    }

    private static String describe(Throwable cause) {
        ErrorClass c = AwsErrorClassifier.classify(cause);
        if (String.valueOf(cause.getMessage()).contains("Unable to load credentials")) {
            return "no AWS credentials found by the SDK's default chain (environment variables, profile, SSO,"
                    + " container or instance role). Remedy: configure credentials, or run the demo with --demo";
        }
        if (c == ErrorClass.TIMEOUT) {
            // no answer at all says nothing about the credentials: the message names the endpoint
            return "AWS could not be reached to check the base credentials (sts:GetCallerIdentity): "
                    + AwsErrorClassifier.message(cause);
        }
        return "the base AWS credentials do not work (sts:GetCallerIdentity): " + c.label() + " - "
                + AwsErrorClassifier.message(cause) + ". Remedy: " + c.remedy();
    }
}
