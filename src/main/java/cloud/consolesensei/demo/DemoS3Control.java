package cloud.consolesensei.demo;

import cloud.consolesensei.aws.AccountTarget;

import java.time.LocalDate;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.model.GetPublicAccessBlockRequest;
import software.amazon.awssdk.services.s3control.model.GetPublicAccessBlockResponse;
import software.amazon.awssdk.services.s3control.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3control.model.S3ControlException;

/**
 * Demo fake of {@link S3ControlClient}: the account-level public access block is fully on for
 * demo-production and missing ({@code NoSuchPublicAccessBlockConfiguration}, as S3 Control answers)
 * for every other account. Operations it does not override throw
 * {@link UnsupportedOperationException}, which the readers report as a coverage gap.
 */
final class DemoS3Control {

    /** The SDK interface with the demo's shared parts ({@link DemoClient}). */
    private interface Fake extends S3ControlClient, DemoClient {
    }

    private DemoS3Control() {
    }

    /** A client serving {@code account}'s demo settings, signed for {@code region}. */
    static S3ControlClient client(AccountTarget account, String region, LocalDate asOf) {
        return new Fake() {
            @Override
            public GetPublicAccessBlockResponse getPublicAccessBlock(GetPublicAccessBlockRequest request) {
                if (DemoEstate.PRODUCTION.id().equals(request.accountId())) {
                    return GetPublicAccessBlockResponse.builder().publicAccessBlockConfiguration(
                            PublicAccessBlockConfiguration.builder().blockPublicAcls(true).ignorePublicAcls(true)
                                    .blockPublicPolicy(true).restrictPublicBuckets(true).build()).build();
                }
                String message = "The public access block configuration was not found";
                throw (S3ControlException) S3ControlException.builder().statusCode(404).message(message)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("NoSuchPublicAccessBlockConfiguration")
                                .errorMessage(message).serviceName("S3 Control").build())
                        .build();
            }
        };
    }
}
