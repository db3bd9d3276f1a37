package cloud.consolesensei.notify;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.report.ReportScope;
import cloud.consolesensei.report.ReportService;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Email summaries of a run (issue 5): one message per recipient list, never one per finding.
 * <ul>
 *   <li>{@code consolesensei.mail.recipients} get the summary of the run's scope with its workbook;</li>
 *   <li>an all-accounts run (scope {@code all}) also has every audited account's own summary, with a
 *       one-account workbook ({@code consolesensei-<account>-<as-of>.xlsx}, written by the report step
 *       beside the run's reports; the all-accounts outputs are untouched), sent to that account's
 *       {@code recipients} when it has some (an account that could not be reached at all gets one only
 *       when it has recipients); in any other run the accounts' and the default recipients share the
 *       one message.</li>
 * </ul>
 * Every message ({@link SummaryMessages}) is written first as {@code summary-<scope>-<as-of>.eml} in
 * {@code <reports-dir>/<as-of>/} (atomically), then sent ({@link SmtpSender}, with retries) when an
 * SMTP server is configured and {@code --no-email} was not given. If a send still fails the outcome
 * says {@code deliveryFailed} (the run exits 4, or 3 with gaps) and the .eml stays.
 */
@Component
public class MailSummaryNotifier implements SummaryNotifier {

    private static final Logger log = LoggerFactory.getLogger(MailSummaryNotifier.class);

    /** Length of every list in a summary (new, resolved, money by check, coverage gaps). */
    public static final int TOP = 20;

    private final ConsoleSenseiProperties props;
    private final SummaryMessages messages;
    private final SmtpSender smtp;

    public MailSummaryNotifier(ConsoleSenseiProperties props, SummaryMessages messages, SmtpSender smtp) {
        this.props = props;
        this.messages = messages;
        this.smtp = smtp;
    }

    /** One message: what it covers, what it attaches, who gets it. */
    private record Delivery(ReportScope scope, Path workbook, List<String> recipients) {
    }

    /**
     * In an all-accounts run, every audited account, recipients or not (CONTRACT.md: each account's
     * own workbook and summary under its scope); an account that could not be audited at all has
     * nothing of its own to show (its gap is in the all-accounts reports) unless someone is to be told.
     */
    @Override
    public List<ReportScope> ownWorkbooks(ReportScope scope, Set<String> unreachable) {
        if (!"all".equals(scope.scope())) return List.of();
        List<ReportScope> out = new ArrayList<>();
        for (AccountTarget a : scope.accounts()) {
            if (!unreachable.contains(a.id()) || !a.recipients().isEmpty()) {
                out.add(new ReportScope(scope.runId(), a.id(), List.of(a), scope.asOf(), scope.demo()));
            }
        }
        return out;
    }

    @Override
    public Outcome notify(ReportScope scope, Map<String, Path> workbooks, Path reportsDir, boolean noEmail,
                          long jobExecutionId, Duration elapsed) {
        List<Delivery> deliveries = deliveries(scope, workbooks);
        JavaMailSender server = noEmail ? null : smtp.server().orElse(null);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        List<Path> emls = new ArrayList<>();
        for (Delivery d : deliveries) {
            MimeMessage message = messages.build(d.scope(), d.workbook(), d.recipients(), jobExecutionId, elapsed);
            Path eml = ReportService.atomically(ReportService.folder(reportsDir, d.scope())
                    .resolve(ReportService.name("summary", d.scope(), "eml")), tmp -> writeEml(message, tmp));
            emls.add(eml);
            if (server == null || d.recipients().isEmpty()) continue;
            try {
                smtp.send(server, message);
                sent++;
            } catch (RetryException e) {
                Throwable last = e.getLastException() == null ? e : e.getLastException();
                String why = d.scope().scope() + ": " + last.getClass().getSimpleName() + ": " + last.getMessage();
                log.warn("email summary {} not delivered after {} attempt(s): {}", eml.getFileName(), e.getRetryCount() + 1,
                        why);
                failures.add(why);
            }
        }
        return new Outcome(emls, !failures.isEmpty(), message(noEmail, server, deliveries, sent, failures, emls));
    }

    private List<Delivery> deliveries(ReportScope scope, Map<String, Path> workbooks) {
        List<String> defaults = props.mail().recipients();
        List<Delivery> d = new ArrayList<>();
        if (!"all".equals(scope.scope())) {
            Set<String> to = new LinkedHashSet<>();
            scope.accounts().forEach(a -> to.addAll(a.recipients()));
            to.addAll(defaults);
            d.add(new Delivery(scope, workbooks.get(scope.scope()), List.copyOf(to)));
            return d;
        }
        d.add(new Delivery(scope, workbooks.get(scope.scope()), defaults));
        // the accounts the report step wrote a workbook of their own for (ownWorkbooks)
        for (AccountTarget a : scope.accounts()) {
            Path own = workbooks.get(a.id());
            if (own == null) continue;
            d.add(new Delivery(new ReportScope(scope.runId(), a.id(), List.of(a), scope.asOf(), scope.demo()), own,
                    a.recipients()));
        }
        return d;
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

    private static String message(boolean noEmail, JavaMailSender server, List<Delivery> deliveries, int sent,
                                  List<String> failures, List<Path> emls) {
        String files = String.join(", ", emls.stream().map(Path::toString).toList());
        if (noEmail) return "--no-email: email summary written to " + files + ", nothing sent";
        if (server == null) return "no SMTP server configured (spring.mail.host): email summary written to " + files + ", not sent";
        long withRecipients = deliveries.stream().filter(d -> !d.recipients().isEmpty()).count();
        if (!failures.isEmpty()) {
            return "email delivery failed for " + failures.size() + " of " + withRecipients + " message(s) after "
                    + (SmtpSender.RETRIES + 1) + " attempts (" + String.join("; ", failures) + "): the .eml summary is kept at " + files;
        }
        if (withRecipients == 0) return "no email recipients configured: email summary written to " + files + ", not sent";
        return "email summary sent: " + sent + " message(s); copies at " + files;
    }
}
