package cloud.consolesensei.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks secrets ({@link SecretMasker}) in every string value of the structured JSON logs
 * (the {@code json-logs} profile); registered by {@code logging.structured.json.customizer}.
 */
public class MaskingJsonCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, SecretMasker::mask));
    }
}
