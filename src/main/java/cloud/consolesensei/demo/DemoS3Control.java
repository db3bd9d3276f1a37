package cloud.consolesensei.demo;

import cloud.consolesensei.aws.AccountTarget;

import java.time.LocalDate;

import software.amazon.awssdk.services.s3control.S3ControlClient;

/**
 * Demo fake of {@link S3ControlClient}: answers the operations the readers call for the demo estate.
 * Operations it does not override throw {@link UnsupportedOperationException}, which the
 * readers report as a coverage gap.
 */
final class DemoS3Control {

    private DemoS3Control() {
    }

    /** A client serving {@code account}'s demo resources in {@code region}, dated from {@code asOf}. */
    static S3ControlClient client(AccountTarget account, String region, LocalDate asOf) {
        return new S3ControlClient() {
            @Override
            public String serviceName() {
                return SERVICE_NAME;
            }

            @Override
            public void close() {
            }
        };
    }
}
