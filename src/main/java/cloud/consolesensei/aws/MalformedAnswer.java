package cloud.consolesensei.aws;

import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The one way our parsers of AWS documents (credential reports, policy documents, Cost Explorer
 * amounts and dates) say that an answer does not have the shape the API reference documents. The
 * exception is an {@link SdkClientException} that {@link AwsErrorClassifier} classifies as
 * {@link ErrorClass#MALFORMED_RESPONSE}; any other non-SDK exception thrown while reading or
 * judging a resource is a defect of this program ({@link ErrorClass#INTERNAL_ERROR}).
 */
public final class MalformedAnswer {

    /** Message prefix the classifier recognises. */
    static final String PREFIX = "Unable to parse the AWS answer: ";

    private MalformedAnswer() {
    }

    /**
     * An exception for an answer that cannot be read.
     *
     * @param what  what is wrong, naming the operation or document and the value ("GetCostAndUsage
     *              TimePeriod.Start 'x' is not a date")
     * @param cause the parser's exception, or {@code null}
     */
    public static SdkClientException of(String what, Throwable cause) {
        return SdkClientException.builder().message(PREFIX + what).cause(cause).build();
    }
}
