package cloud.consolesensei.partition;

import cloud.consolesensei.config.ConfigValidator;

import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.config.EnableIntegration;

/**
 * What the manager in remote mode and a worker both need of RabbitMQ: Spring Integration, the
 * queues ({@link PartitionMessages#declarables()}) and the check at start ({@link BrokerCheck}).
 */
@Configuration
@EnableIntegration
@Conditional(BrokerConfig.RemoteOrWorker.class)
public class BrokerConfig {

    @Bean
    Declarables partitionQueues() {
        return PartitionMessages.declarables();
    }

    @Bean
    BrokerCheck brokerCheck(ConnectionFactory connections) {
        return new BrokerCheck(connections);
    }

    /** Remote mode ({@code consolesensei.partitioning.mode: remote}) or the worker profile. */
    static final class RemoteOrWorker extends AnyNestedCondition {

        RemoteOrWorker() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(name = "consolesensei.partitioning.mode", havingValue = "remote")
        static final class Remote {
        }

        @Profile(ConfigValidator.WORKER_PROFILE)
        static final class Worker {
        }
    }
}
