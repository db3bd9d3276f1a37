package cloud.consolesensei.notify;

import cloud.consolesensei.config.ConsoleSenseiProperties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Mails the failure notice of a scheduled run ({@link FailureNotice}) to {@code
 * consolesensei.mail.recipients}, through {@link SmtpSender} (with its retries). It never throws:
 * the scheduler must go on whatever happens to the notice; a notice that cannot be delivered is
 * logged at ERROR, one that has nowhere to go (no SMTP server, no recipients) at WARN.
 */
@Component
public class FailureNotifier {

    private static final Logger log = LoggerFactory.getLogger(FailureNotifier.class);

    private final ConsoleSenseiProperties props;
    private final SmtpSender smtp;
    private final SummaryTemplates templates;

    public FailureNotifier(ConsoleSenseiProperties props, SmtpSender smtp, SummaryTemplates templates) {
        this.props = props;
        this.smtp = smtp;
        this.templates = templates;
    }

    /**
     * Sends the notice.
     *
     * @return true when the SMTP server accepted it
     */
    public boolean send(FailureNotice n) {
        List<String> to = props.mail().recipients();
        Optional<JavaMailSender> server = smtp.server();
        if (server.isEmpty() || to.isEmpty()) {
            log.warn("serve: failure notice of run {} not sent: {}", n.runId(), server.isEmpty()
                    ? "no SMTP server configured (spring.mail.host)" : "no consolesensei.mail.recipients");
            return false;
        }
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
            MimeMessageHelper h = new MimeMessageHelper(m, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
            h.setFrom(props.mail().from());
            h.setTo(to.toArray(String[]::new));
            h.setSubject(n.subject());
            h.setSentDate(new Date());
            h.setText(templates.text(n), templates.html(n));
            m.saveChanges();
            smtp.send(server.get(), m);
            log.info("serve: failure notice of run {} sent to {}", n.runId(), String.join(", ", to));
            return true;
        } catch (RetryException e) {
            Throwable last = e.getLastException() == null ? e : e.getLastException();
            log.error("serve: failure notice of run {} could not be delivered to {} after {} attempt(s): {}: {}", n.runId(),
                    String.join(", ", to), e.getRetryCount() + 1, last.getClass().getSimpleName(), last.getMessage());
        } catch (Exception e) {
            log.error("serve: failure notice of run {} could not be built or sent: {}", n.runId(), e.toString());
        }
        return false;
    }
}
