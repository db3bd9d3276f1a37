package cloud.consolesensei.demo;

import cloud.consolesensei.aws.AccountTarget;

import java.time.LocalDate;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * Demo fake of {@link S3Client}: answers the operations the readers call for the demo estate.
 * Operations it does not override throw {@link UnsupportedOperationException}, which the
 * readers report as a coverage gap.
 */
final class DemoS3 {

    private DemoS3() {
    }

    /** A client serving {@code account}'s demo resources in {@code region}, dated from {@code asOf}. */
    static S3Client client(AccountTarget account, String region, LocalDate asOf) {
        return new S3Client() {
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
