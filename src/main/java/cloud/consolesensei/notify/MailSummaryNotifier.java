package cloud.consolesensei.notify;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.finding.Suppressions;
import cloud.consolesensei.price.PriceTable;
import cloud.consolesensei.report.ReportScope;
import cloud.consolesensei.report.ReportService;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email summaries of a run (issue 5): one message per recipient list, never one per finding.
 * <ul>
 *   <li>{@code consolesensei.mail.recipients} get the summary of the run's scope with its workbook;</li>
 *   <li>in an all-accounts run, each account's {@code recipients} get that account's summary with a
 *       one-account workbook ({@code consolesensei-<account>-<as-of>.xlsx}, written beside the run's
 *       reports; the all-accounts outputs are untouched); in a one-account run the account's and the
 *       default recipients share the one message.</li>
 * </ul>
 * Every message is written first as {@code summary-<scope>-<as-of>.eml} in {@code <reports-dir>/<as-of>/}
 * (atomically), then sent when an SMTP server is configured ({@code spring.mail.host}; Spring Boot
 * then provides the {@link JavaMailSender}) and {@code --no-email} was not given. A failed send is
 * retried with exponential backoff ({@link RetryTemplate}: {@value #RETRIES} retries from
 * {@link #FIRST_DELAY}); if it still fails the outcome says {@code deliveryFailed} (the run exits 4, or 3 with gaps)
 * and the .eml stays. A workbook above {@code consolesensei.mail.max-attachment-mb} is not attached:
 * the message gives its path instead. The SMTP password is never logged nor written.
 */
@Component
public class MailSummaryNotifier implements SummaryNotifier {

    private static final Logger log = LoggerFactory.getLogger(MailSummaryNotifier.class);

    /** Length of every list in a summary (new, resolved, money by check, coverage gaps). */
    public static final int TOP = 20;
    /** Retries after the first failed send. */
    static final int RETRIES = 3;
    /** Delay before the first retry; doubled each time. */
    static final Duration FIRST_DELAY = Duration.ofMillis(500);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** Socket timeouts (ms) applied when the SMTP configuration sets none: JavaMail's default is to wait forever. */
    private static final String TIMEOUT_MS = "30000";

    private final ConsoleSenseiProperties props;
    private final ObjectProvider<JavaMailSender> sender;
    private final ReportService reports;
    private final SummaryComposer composer;
    private final SummaryTemplates templates;
    private final RetryTemplate retry;

    public MailSummaryNotifier(ConsoleSenseiProperties props, ObjectProvider<JavaMailSender> sender, ReportService reports,
                               SummaryComposer composer, SummaryTemplates templates) {
        this.props = props;
        this.sender = sender;
        this.reports = reports;
        this.composer = composer;
        this.templates = templates;
        this.retry = new RetryTemplate(RetryPolicy.builder().maxRetries(RETRIES).delay(FIRST_DELAY).multiplier(2)
                .maxDelay(Duration.ofSeconds(30))
                // a rejected login or a malformed message will not get better by waiting
                .excludes(MailAuthenticationException.class, MailParseException.class, MailPreparationException.class)
                .build());
    }

    /** One message: what it covers, what it attaches, who gets it. */
    private record Delivery(ReportScope scope, Path workbook, List<String> recipients) {
    }

    @Override
    public Outcome notify(ReportScope scope, List<Path> written, Path reportsDir, boolean noEmail, long jobExecutionId,
                          Duration elapsed) {
        List<Path> out = new ArrayList<>();
        List<Delivery> deliveries = deliveries(scope, written.isEmpty() ? null : written.get(0), reportsDir, out);
        JavaMailSender smtp = noEmail ? null : smtp();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        List<Path> emls = new ArrayList<>();
        for (Delivery d : deliveries) {
            MimeMessage message = message(d, jobExecutionId, elapsed);
            Path eml = ReportService.atomically(ReportService.folder(reportsDir, d.scope())
                    .resolve(ReportService.name("summary", d.scope(), "eml")), tmp -> writeEml(message, tmp));
            out.add(eml);
            emls.add(eml);
            if (smtp == null || d.recipients().isEmpty()) continue;
            try {
                send(smtp, message);
                sent++;
            } catch (RetryException e) {
                Throwable last = e.getLastException() == null ? e : e.getLastException();
                String why = d.scope().scope() + ": " + last.getClass().getSimpleName() + ": " + last.getMessage();
                log.warn("email summary {} not delivered after {} attempt(s): {}", eml.getFileName(), e.getRetryCount() + 1,
                        why);
                failures.add(why);
            }
        }
        return new Outcome(out, !failures.isEmpty(), message(noEmail, smtp, deliveries, sent, failures, emls));
    }

    /** The configured sender, or null when {@code spring.mail.host} is absent or blank. */
    private JavaMailSender smtp() {
        JavaMailSender s = sender.getIfAvailable();
        if (s instanceof JavaMailSenderImpl impl && (impl.getHost() == null || impl.getHost().isBlank())) return null;
        return s;
    }

    private List<Delivery> deliveries(ReportScope scope, Path workbook, Path reportsDir, List<Path> out) {
        List<String> defaults = props.mail().recipients();
        List<Delivery> d = new ArrayList<>();
        if (!"all".equals(scope.scope())) {
            Set<String> to = new LinkedHashSet<>();
            scope.accounts().forEach(a -> to.addAll(a.recipients()));
            to.addAll(defaults);
            d.add(new Delivery(scope, workbook, List.copyOf(to)));
            return d;
        }
        d.add(new Delivery(scope, workbook, defaults));
        Suppressions suppressions = null;
        PriceTable prices = null;
        for (AccountTarget a : scope.accounts()) {
            if (a.recipients().isEmpty()) continue;
            if (suppressions == null) {
                suppressions = new Suppressions(props.suppressions());
                prices = PriceTable.bundled();
            }
            ReportScope one = new ReportScope(scope.runId(), a.id(), List.of(a), scope.asOf(), scope.demo());
            Path wb = reports.writeWorkbook(one, reportsDir, suppressions, prices);
            out.add(wb);
            d.add(new Delivery(one, wb, a.recipients()));
        }
        return d;
    }

    private MimeMessage message(Delivery d, long executionId, Duration elapsed) {
        long max = (long) props.mail().maxAttachmentMb() * 1024 * 1024;
        long size = size(d.workbook());
        boolean attach = d.workbook() != null && size >= 0 && size <= max;
        String note = d.workbook() == null ? "No workbook was written."
                : attach ? null
                : String.format("The workbook is %.1f MiB, above the %d MiB attachment limit"
                        + " (consolesensei.mail.max-attachment-mb), so it is not attached: find it at %s",
                size / 1048576.0, props.mail().maxAttachmentMb(), d.workbook().toAbsolutePath());
        EmailSummary s = composer.compose(d.scope(), executionId, elapsed,
                d.workbook() == null ? "" : d.workbook().getFileName().toString(), note);
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
            MimeMessageHelper h = new MimeMessageHelper(m, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
            h.setFrom(props.mail().from());
            h.setTo(d.recipients().toArray(String[]::new));
            h.setSubject(s.subject());
            h.setSentDate(new Date());
            h.setText(templates.text(s), templates.html(s));
            if (attach) {
                h.addAttachment(d.workbook().getFileName().toString(), new FileSystemResource(d.workbook()), XLSX);
            }
            m.saveChanges();
            return m;
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build the email summary of " + d.scope().scope() + ": " + e.getMessage(), e);
        }
    }

    private void send(JavaMailSender smtp, MimeMessage message) throws RetryException {
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

    private static void writeEml(MimeMessage m, Path tmp) {
        try (OutputStream os = Files.newOutputStream(tmp)) {
            m.writeTo(os);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot write " + tmp + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path p) {
        try {
            return p == null ? -1 : Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String message(boolean noEmail, JavaMailSender smtp, List<Delivery> deliveries, int sent,
                                  List<String> failures, List<Path> emls) {
        String files = String.join(", ", emls.stream().map(Path::toString).toList());
        if (noEmail) return "--no-email: email summary written to " + files + ", nothing sent";
        if (smtp == null) return "no SMTP server configured (spring.mail.host): email summary written to " + files + ", not sent";
        long withRecipients = deliveries.stream().filter(d -> !d.recipients().isEmpty()).count();
        if (!failures.isEmpty()) {
            return "email delivery failed for " + failures.size() + " of " + withRecipients + " message(s) after "
                    + (RETRIES + 1) + " attempts (" + String.join("; ", failures) + "): the .eml summary is kept at " + files;
        }
        if (withRecipients == 0) return "no email recipients configured: email summary written to " + files + ", not sent";
        return "email summary sent: " + sent + " message(s); copies at " + files;
    }
}
