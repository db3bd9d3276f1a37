package cloud.consolesensei.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback converter {@code %maskedMsg}: the formatted message with secrets masked
 * ({@link SecretMasker}); logback-spring.xml uses it instead of {@code %msg}.
 */
public class MaskingMessageConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return SecretMasker.mask(event.getFormattedMessage());
    }
}
