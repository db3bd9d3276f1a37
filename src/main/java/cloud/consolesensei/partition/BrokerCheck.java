package cloud.consolesensei.partition;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Connects to RabbitMQ once when the application starts (manager in remote mode, or worker), so an
 * unreachable broker stops the command at once with {@link BrokerUnreachableException} (exit 1)
 * instead of a listener retrying forever or a run that hangs sending its partitions. The connection
 * also declares the queues ({@link PartitionMessages#declarables()}).
 */
class BrokerCheck implements SmartInitializingSingleton {

    private final ConnectionFactory connections;

    BrokerCheck(ConnectionFactory connections) {
        this.connections = connections;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try (Connection c = connections.createConnection()) {
            c.isOpen();
        } catch (AmqpException e) {
            String address = connections.getHost() + ":" + connections.getPort();
            if (connections instanceof CachingConnectionFactory ccf) ccf.resetConnection();
            throw new BrokerUnreachableException(address, e);
        }
    }
}
