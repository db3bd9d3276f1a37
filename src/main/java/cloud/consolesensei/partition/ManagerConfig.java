package cloud.consolesensei.partition;

import cloud.consolesensei.config.ConfigValidator;
import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.job.PartitionCounted;
import cloud.consolesensei.job.RunStatistic;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.amqp.outbound.AmqpOutboundEndpoint;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.core.MessagingTemplate;

/**
 * The manager in remote mode ({@code consolesensei.partitioning.mode: remote}, for {@code run} and
 * {@code serve}): the collect step's partitions go to RabbitMQ through a Spring Integration
 * channel and AMQP outbound adapter (queue {@link PartitionMessages#QUEUE}), and the
 * {@link RemotePartitionHandler} polls the job repository for their end. The plan, reconcile,
 * report and notify steps stay on the manager. Local mode (the default) defines none of this.
 * The queues and the broker check at start are {@link BrokerConfig}'s.
 */
@Configuration
@ConditionalOnProperty(name = "consolesensei.partitioning.mode", havingValue = "remote")
@Profile("!" + ConfigValidator.WORKER_PROFILE) // a worker shares the manager's configuration file
public class ManagerConfig {

    @Bean
    DirectChannel partitionRequests() {
        return new DirectChannel();
    }

    @Bean
    AmqpOutboundEndpoint partitionRequestsToBroker(ConnectionFactory connections, DirectChannel partitionRequests) {
        RabbitTemplate template = new RabbitTemplate(connections);
        template.setMessageConverter(PartitionMessages.converter());
        AmqpOutboundEndpoint out = new AmqpOutboundEndpoint(template);
        out.setRoutingKey(PartitionMessages.QUEUE); // the default exchange routes by queue name
        out.setExpectReply(false);
        partitionRequests.subscribe(out);
        return out;
    }

    @Bean
    RemotePartitionHandler remotePartitionHandler(JobRepository repository, DirectChannel partitionRequests, DataSource dataSource,
                                                  ConsoleSenseiProperties props, List<PartitionCounted> counted) {
        return new RemotePartitionHandler(repository, new MessagingTemplate(partitionRequests), dataSource,
                props.partitioning().timeout(), counted);
    }

    /** The run summary's line on the workers: processes, partitions and AWS calls. */
    @Bean
    RunStatistic workerSummary(RemotePartitionHandler handler) {
        return (runId, demo) -> handler.summary(runId);
    }
}
