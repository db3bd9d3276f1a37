package cloud.consolesensei.demo;

import software.amazon.awssdk.core.SdkClient;

/**
 * What every fake SDK client of the demo estate shares: nothing to close, and the service name its
 * SDK interface declares ({@code Ec2Client.SERVICE_NAME}, ...). A demo client implements both through
 * one empty interface, {@code interface Fake extends Ec2Client, DemoClient {}}, so it states only the
 * operations the readers call.
 */
interface DemoClient extends SdkClient {

    /** The {@code SERVICE_NAME} constant of the SDK interface this fake implements. */
    @Override
    default String serviceName() {
        try {
            return (String) getClass().getField("SERVICE_NAME").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(getClass() + " implements no SDK client interface", e);
        }
    }

    /** A fake holds nothing to release. */
    @Override
    default void close() {
    }
}
