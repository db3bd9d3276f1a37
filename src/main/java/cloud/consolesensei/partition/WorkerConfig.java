package cloud.consolesensei.partition;

import cloud.consolesensei.config.ConfigValidator;
import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.job.RunRegistry;

import java.time.Duration;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.amqp.inbound.AmqpInboundChannelAdapter;
import org.springframework.integration.channel.DirectChannel;

/**
 * A {@code worker} JVM: takes collect partition requests from RabbitMQ (Spring Integration's AMQP
 * inbound adapter) and runs the {@code collect.partition} step through Spring Batch's
 * {@link StepExecutionRequestHandler}, guarded by the {@link PartitionRequestHandler}. Each
 * consumer has a prefetch of 1 (a worker holds no partition it is not running, so partitions spread
 * over the workers), {@code consolesensei.aws.concurrency} consumers run at once, a request is
 * acknowledged once its partition has ended, and a failed request is never requeued (dead-lettered)
 * unless the handler gives it back. Active with the {@value ConfigValidator#WORKER_PROFILE} profile,
 * which only the {@code worker} command sets.
 */
@Configuration
@Profile(ConfigValidator.WORKER_PROFILE)
public class WorkerConfig {

    @Bean
    PartitionRequestHandler partitionRequestHandler(JobRepository repository, @Qualifier("collectWorker") Step collectWorker,
                                                    DataSource dataSource, RunRegistry registry, ConsoleSenseiProperties props,
                                                    MeterRegistry metrics) {
        StepExecutionRequestHandler batch = new StepExecutionRequestHandler();
        batch.setJobRepository(repository);
        batch.setStepLocator(name -> PartitionRequestHandler.STEP.equals(name) ? collectWorker : null);
        return new PartitionRequestHandler(repository, batch, dataSource, registry, props.aws().concurrencyPerAccount(), metrics);
    }

    @Bean
    DirectChannel workerRequests(PartitionRequestHandler handler) {
        DirectChannel channel = new DirectChannel();
        channel.subscribe(message -> handler.accept(message.getPayload()));
        return channel;
    }

    @Bean
    SimpleMessageListenerContainer workerContainer(ConnectionFactory connections, ConsoleSenseiProperties props,
                                                   @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration grace) {
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
        container.setQueueNames(PartitionMessages.QUEUE);
        container.setPrefetchCount(1);
        container.setConcurrentConsumers(props.aws().concurrency());
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setDefaultRequeueRejected(false);
        container.setShutdownTimeout(grace.toMillis());
        container.setAutoStartup(false);
        return container;
    }

    @Bean
    AmqpInboundChannelAdapter workerInbound(SimpleMessageListenerContainer workerContainer, DirectChannel workerRequests) {
        AmqpInboundChannelAdapter in = new AmqpInboundChannelAdapter(workerContainer);
        in.setMessageConverter(PartitionMessages.converter());
        in.setOutputChannel(workerRequests);
        in.setAutoStartup(false);
        return in;
    }

    @Bean
    Worker worker(AmqpInboundChannelAdapter workerInbound, PartitionRequestHandler handler, ConnectionFactory connections,
                  ConsoleSenseiProperties props,
                  @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration grace) {
        return new Worker(workerInbound, handler, connections.getHost() + ":" + connections.getPort(),
                props.aws().concurrency(), grace);
    }
}
