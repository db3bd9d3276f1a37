package cloud.consolesensei.notify;

import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.report.ReportScope;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Builds one email summary message: the composed {@link EmailSummary} as text and HTML, from
 * {@code consolesensei.mail.from} to its recipients, with its workbook attached unless it is above
 * {@code consolesensei.mail.max-attachment-mb} (then the message gives the workbook's path).
 */
@Component
class SummaryMessages {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ConsoleSenseiProperties props;
    private final SummaryComposer composer;
    private final SummaryTemplates templates;

    SummaryMessages(ConsoleSenseiProperties props, SummaryComposer composer, SummaryTemplates templates) {
        this.props = props;
        this.composer = composer;
        this.templates = templates;
    }

    /**
     * The message of one scope.
     *
     * @param workbook   the scope's workbook, or null when none was written
     * @param recipients its recipients (may be empty: the message is then only written as .eml)
     * @throws IllegalStateException when JavaMail cannot build the message
     */
    MimeMessage build(ReportScope scope, Path workbook, List<String> recipients, long executionId, Duration elapsed) {
        long max = (long) props.mail().maxAttachmentMb() * 1024 * 1024;
        long size = size(workbook);
        boolean attach = workbook != null && size >= 0 && size <= max;
        String note = workbook == null ? "No workbook was written."
                : attach ? null
                : String.format("The workbook is %.1f MiB, above the %d MiB attachment limit"
                        + " (consolesensei.mail.max-attachment-mb), so it is not attached: find it at %s",
                size / 1048576.0, props.mail().maxAttachmentMb(), workbook.toAbsolutePath());
        EmailSummary s = composer.compose(scope, executionId, elapsed,
                workbook == null ? "" : workbook.getFileName().toString(), note);
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
            MimeMessageHelper h = new MimeMessageHelper(m, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
            h.setFrom(props.mail().from());
            h.setTo(recipients.toArray(String[]::new));
            h.setSubject(s.subject());
            h.setSentDate(new Date());
            h.setText(templates.text(s), templates.html(s));
            if (attach) {
                h.addAttachment(workbook.getFileName().toString(), new FileSystemResource(workbook), XLSX);
            }
            m.saveChanges();
            return m;
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build the email summary of " + scope.scope() + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path p) {
        try {
            return p == null ? -1 : Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
