package cloud.consolesensei.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.support.converter.MessageConversionException;
import org.springframework.amqp.support.converter.MessageConverter;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * The partition request on the wire: JSON with a type id, never Java serialization, and nothing the
 * converter would turn into an arbitrary class.
 */
class PartitionMessagesTest {

    private final MessageConverter converter = PartitionMessages.converter();

    @Test
    void requestIsJsonWithATypeIdNotAClassName() {
        Message m = converter.toMessage(new StepExecutionRequest("collect.partition", 42L), new MessageProperties());

        assertThat(m.getMessageProperties().getContentType()).isEqualTo(MessageProperties.CONTENT_TYPE_JSON);
        assertThat(m.getMessageProperties().<String>getHeader("__TypeId__")).isEqualTo(PartitionMessages.TYPE_ID);
        assertThat(new String(m.getBody(), StandardCharsets.UTF_8))
                .isEqualTo("{\"stepName\":\"collect.partition\",\"stepExecutionId\":42}");
    }

    @Test
    void requestReadsBack() {
        Message m = json("{\"stepExecutionId\":7,\"stepName\":\"collect.partition\"}", PartitionMessages.TYPE_ID);

        StepExecutionRequest r = (StepExecutionRequest) converter.fromMessage(m);

        assertThat(r.getStepExecutionId()).isEqualTo(7L);
        assertThat(r.getStepName()).isEqualTo("collect.partition");
    }

    @Test
    void aClassNameFromTheWireIsNotLoaded() {
        Message m = json("{\"stepExecutionId\":7,\"stepName\":\"collect.partition\"}",
                "org.springframework.batch.integration.partition.StepExecutionRequest");

        assertThatThrownBy(() -> converter.fromMessage(m)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in the trusted packages");
    }

    @Test
    void notJsonIsAConversionError() {
        Message m = json("collect everything", PartitionMessages.TYPE_ID);

        assertThatThrownBy(() -> converter.fromMessage(m)).isInstanceOf(MessageConversionException.class);
    }

    @Test
    void aJavaSerializedBodyIsNeverDeserialized() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(java.util.List.of("gadget")));
        }
        MessageProperties p = new MessageProperties();
        p.setContentType(MessageProperties.CONTENT_TYPE_SERIALIZED_OBJECT);
        Message m = new Message(bytes.toByteArray(), p);

        // the JSON converter hands such a body over as bytes, which the worker refuses (dead-lettered)
        assertThat(converter.fromMessage(m)).isInstanceOf(byte[].class);
    }

    private static Message json(String body, String typeId) {
        MessageProperties p = new MessageProperties();
        p.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        p.setHeader("__TypeId__", typeId);
        return new Message(body.getBytes(StandardCharsets.UTF_8), p);
    }
}
