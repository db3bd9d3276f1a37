package cloud.consolesensei.demo;

import cloud.consolesensei.aws.AccountTarget;

import java.time.LocalDate;

import software.amazon.awssdk.services.autoscaling.AutoScalingClient;

/**
 * Demo fake of {@link AutoScalingClient}: answers the operations the readers call for the demo estate.
 * Operations it does not override throw {@link UnsupportedOperationException}, which the
 * readers report as a coverage gap.
 */
final class DemoAutoScaling {

    private DemoAutoScaling() {
    }

    /** A client serving {@code account}'s demo resources in {@code region}, dated from {@code asOf}. */
    static AutoScalingClient client(AccountTarget account, String region, LocalDate asOf) {
        return new AutoScalingClient() {
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
