package cloud.consolesensei.notify;

import jakarta.mail.internet.MimeMessage;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends a message through the configured SMTP server ({@code spring.mail.host}; Spring Boot then
 * provides the {@link JavaMailSender}), retrying a failed send with exponential backoff
 * ({@link RetryTemplate}: {@value #RETRIES} retries from {@link #FIRST_DELAY}, doubled each time, at
 * most 30 s apart). A rejected login or a malformed message is not retried. The SMTP password is
 * never logged.
 */
@Component
class SmtpSender {

    /** Retries after the first failed send. */
    static final int RETRIES = 3;
    /** Delay before the first retry; doubled each time. */
    static final Duration FIRST_DELAY = Duration.ofMillis(500);
    /** Socket timeouts (ms) applied when the SMTP configuration sets none: JavaMail's default is to wait forever. */
    private static final String TIMEOUT_MS = "30000";

    private final ObjectProvider<JavaMailSender> sender;
    private final RetryTemplate retry;

    SmtpSender(ObjectProvider<JavaMailSender> sender) {
        this.sender = sender;
        this.retry = new RetryTemplate(RetryPolicy.builder().maxRetries(RETRIES).delay(FIRST_DELAY).multiplier(2)
                .maxDelay(Duration.ofSeconds(30))
                // a rejected login or a malformed message will not get better by waiting
                .excludes(MailAuthenticationException.class, MailParseException.class, MailPreparationException.class)
                .build());
    }

    /** The configured server, or empty when {@code spring.mail.host} is absent or blank. */
    Optional<JavaMailSender> server() {
        JavaMailSender s = sender.getIfAvailable();
        if (s instanceof JavaMailSenderImpl impl && (impl.getHost() == null || impl.getHost().isBlank())) {
            return Optional.empty();
        }
        return Optional.ofNullable(s);
    }

    /**
     * Sends {@code message} through {@code smtp}, retrying.
     *
     * @throws RetryException when every attempt failed (its last exception says why)
     */
    void send(JavaMailSender smtp, MimeMessage message) throws RetryException {
        if (smtp instanceof JavaMailSenderImpl impl) {
            Properties p = impl.getJavaMailProperties();
            for (String k : List.of("mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout")) {
                p.putIfAbsent(k, TIMEOUT_MS);
            }
        }
        retry.execute(() -> {
            smtp.send(message);
            return null;
        });
    }
}
