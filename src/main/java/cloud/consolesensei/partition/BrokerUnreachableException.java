package cloud.consolesensei.partition;

/**
 * RabbitMQ could not be reached at start in remote mode or by a worker: the command prints this
 * message on one line and exits 1 rather than waiting for a broker that may never come.
 */
public class BrokerUnreachableException extends RuntimeException {

    /**
     * @param address the broker's {@code host:port}
     * @param cause   what the client said
     */
    public BrokerUnreachableException(String address, Throwable cause) {
        super("RabbitMQ at " + address + " is unreachable (" + rootMessage(cause) + "): start it, or set"
                + " spring.rabbitmq.host / port / username / password to reach it", cause);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null) root = root.getCause();
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
