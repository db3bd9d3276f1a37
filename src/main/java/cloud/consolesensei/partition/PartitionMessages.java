package cloud.consolesensei.partition;

import java.util.Map;

import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.support.converter.DefaultJacksonJavaTypeMapper;
import org.springframework.amqp.support.converter.JacksonJsonMessageConverter;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * What the manager and the workers agree on over RabbitMQ: the queue the collect partitions' step
 * execution requests go to, its dead-letter queue, and how a request is written.
 *
 * <p>A request is JSON, {@code {"stepName":"collect.partition","stepExecutionId":42}} with content
 * type {@code application/json} and the type id {@value #TYPE_ID} in the {@code __TypeId__}
 * header: no Java serialization, and no class name from the wire is ever loaded (the type id maps to
 * one class; anything else is refused). The request carries only ids: the partition's account,
 * region and reader position live in its step execution in the shared job repository.
 *
 * <p>A message a worker cannot handle (not such JSON, an unknown step execution or step) is
 * rejected without requeue, so RabbitMQ moves it to {@value #DEAD_LETTER_QUEUE} through the
 * {@value #DEAD_LETTER_EXCHANGE} exchange instead of redelivering it forever.
 */
public final class PartitionMessages {

    /** Durable queue of the collect partitions' requests. */
    public static final String QUEUE = "consolesensei.partitions";
    /** Exchange RabbitMQ sends rejected requests to. */
    public static final String DEAD_LETTER_EXCHANGE = "consolesensei.partitions.dlx";
    /** Durable queue that keeps rejected requests for a person to look at. */
    public static final String DEAD_LETTER_QUEUE = "consolesensei.partitions.dead";
    /** The {@code __TypeId__} of a step execution request. */
    public static final String TYPE_ID = "consolesensei.StepExecutionRequest";

    private PartitionMessages() {
    }

    /** The queues and exchange, declared by the manager and every worker alike (the same arguments). */
    public static Declarables declarables() {
        Queue queue = QueueBuilder.durable(QUEUE).deadLetterExchange(DEAD_LETTER_EXCHANGE)
                .deadLetterRoutingKey(DEAD_LETTER_QUEUE).build();
        Queue dead = QueueBuilder.durable(DEAD_LETTER_QUEUE).build();
        DirectExchange dlx = new DirectExchange(DEAD_LETTER_EXCHANGE);
        return new Declarables(queue, dead, dlx, BindingBuilder.bind(dead).to(dlx).with(DEAD_LETTER_QUEUE));
    }

    /** Writes and reads step execution requests as JSON (Jackson 3), mapping the type id {@link #TYPE_ID} to its class. */
    public static MessageConverter converter() {
        DefaultJacksonJavaTypeMapper types = new DefaultJacksonJavaTypeMapper();
        types.setIdClassMapping(Map.of(TYPE_ID, StepExecutionRequest.class));
        JacksonJsonMessageConverter converter = new JacksonJsonMessageConverter();
        converter.setJavaTypeMapper(types);
        return converter;
    }
}
