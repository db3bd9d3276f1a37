package cloud.consolesensei.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cloud.consolesensei.notify.FailureNotifier;
import cloud.consolesensei.testkit.Cli;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 14 item 5: a scheduled run that fails is not silent. It is logged at ERROR with its cause
 * and the exact restart command, a failure notice goes to {@code consolesensei.mail.recipients}
 * (GreenMail on a loopback port) without any secret, and
 * {@code consolesensei_scheduled_runs_total{outcome="failed"}} counts it; a notice that cannot be
 * delivered is logged at ERROR and the schedule goes on.
 */
class ScheduledFailureTest {

    /** A secret that reaches an exception message (here: the injected failure names its file). */
    static final String SECRET = "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY";
    static final Instant AT = Instant.parse("2026-01-15T02:00:00Z");
    static final int PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final List<Logger> loggers = List.of((Logger) LoggerFactory.getLogger(AuditScheduler.class),
            (Logger) LoggerFactory.getLogger(FailureNotifier.class));

    /** Captures the two loggers' events; called once the context is up (its start resets the logging). */
    private void capture() {
        log.start();
        loggers.forEach(l -> l.addAppender(log));
    }

    @AfterEach
    void release() {
        loggers.forEach(l -> l.detachAppender(log));
    }

    @Test
    void aFailedScheduledRunIsLoggedAtErrorMailedWithItsRestartCommandAndCounted() throws Exception {
        Path failFile = dir.resolve("aws_secret_access_key=" + SECRET);
        Files.writeString(failFile, "fail");
        Cli cli = Cli.h2(dir, failingEstate(failFile) + mail(PORT));
        String scrape = serve(cli, scheduler -> scheduler.fire(AT));
        long id = cli.number("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'FAILED'");
        assertThat(id).isPositive();
        String restart = "java -jar target/consolesensei.jar restart " + id + " --config " + cli.config();

        List<String> errors = log.list.stream().filter(e -> e.getLevel() == Level.ERROR)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(errors).singleElement().satisfies(line -> assertThat(line)
                .startsWith("serve: audit at 2026-01-15T02:00:00Z FAILED: job execution " + id + ": step collect.partition:")
                .contains("InjectedFailure: injected failure at widget 3", "fix the cause and run `" + restart + "`")
                .doesNotContain(SECRET).doesNotContain("FakeEstateModule.java:", "\tat "));
        assertThat(log.list).noneMatch(e -> e.getLevel() == Level.INFO && e.getFormattedMessage().contains("FAILED"));

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).as("the failure notice, and nothing else (no summary of a failed run)").hasSize(1);
        MimeMessage notice = received[0];
        assertThat(notice.getSubject()).isEqualTo("DEMO [ConsoleSensei] FAILED: scheduled audit of 2026-01-15 (job execution "
                + id + ")");
        assertThat(notice.getAllRecipients()).extracting(Object::toString).containsExactly("ops@example.com");
        List<String> bodies = bodies(notice);
        assertThat(bodies).hasSize(2).allSatisfy(body -> assertThat(body)
                .contains("collect.partition:", "InjectedFailure: injected failure at widget 3", restart)
                .doesNotContain(SECRET));
        assertThat(GreenMailUtil.getWholeMessage(notice)).doesNotContain(SECRET);

        assertThat(scrape).contains("consolesensei_scheduled_runs_total{application=\"consolesensei\",outcome=\"failed\"} 1.0",
                "consolesensei_scheduled_runs_total{application=\"consolesensei\",outcome=\"completed\"} 0.0");
    }

    @Test
    void aNoticeThatCannotBeDeliveredIsLoggedAtErrorAndTheScheduleGoesOn() throws Exception {
        Path failFile = dir.resolve("fail-now");
        Files.writeString(failFile, "fail");
        int closed = freePort(); // nothing listens there
        // fires at 02:00:00 and 02:00:01 on 15 January only: the first fire's cluster lock is held for half a
        // second (half the interval), so the second fire runs here, and the schedule never fires by itself
        Cli cli = Cli.h2(dir, failingEstate(failFile) + mail(closed) + "consolesensei.schedule.audit: \"0,1 0 2 15 1 *\"\n");
        String scrape = serve(cli, scheduler -> {
            scheduler.fire(AT);
            Files.delete(failFile);
            scheduler.fire(AT.plusSeconds(1));
        });
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.ERROR).extracting(ILoggingEvent::getFormattedMessage)
                .hasSize(2)
                .anySatisfy(l -> assertThat(l).startsWith("serve: audit at 2026-01-15T02:00:00Z FAILED: job execution "))
                .anySatisfy(l -> assertThat(l).startsWith("serve: failure notice of run audit@2026-01-15T02:00:00Z could not be"
                        + " delivered to ops@example.com after 4 attempt(s): "));
        assertThat(scrape).contains("consolesensei_scheduled_runs_total{application=\"consolesensei\",outcome=\"failed\"} 1.0",
                "consolesensei_scheduled_runs_total{application=\"consolesensei\",outcome=\"completed\"} 1.0");
    }

    /** What a test does with the started scheduler of {@code serve --demo}. */
    @FunctionalInterface
    private interface Fires {
        void on(AuditScheduler scheduler) throws Exception;
    }

    /** Starts the context and its scheduler as {@code serve --demo} does, runs {@code fires}, stops; returns the metrics scrape. */
    private String serve(Cli cli, Fires fires) throws Exception {
        try (var ctx = cli.context()) {
            capture();
            AuditScheduler scheduler = ctx.getBean(AuditScheduler.class);
            scheduler.start(true);
            fires.on(scheduler);
            scheduler.stop();
            return ctx.getBean(PrometheusMeterRegistry.class).scrape();
        }
    }

    private static String failingEstate(Path failFile) {
        return Cli.fakeEstate(20, 0) + "fake-estate.fail-at: 3\nfake-estate.fail-file: \"" + failFile + "\"\n";
    }

    private static String mail(int port) {
        return "spring.mail.host: 127.0.0.1\nspring.mail.port: " + port + "\nconsolesensei.mail.from: sensei@example.com\n"
                + "consolesensei.mail.recipients: [ops@example.com]\n";
    }

    /** The text and HTML bodies of a message. */
    private static List<String> bodies(MimeMessage m) throws Exception {
        List<String> out = new ArrayList<>();
        collect(m.getContent(), out);
        return out;
    }

    private static void collect(Object content, List<String> out) throws Exception {
        if (content instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart b = mp.getBodyPart(i);
                collect(b.getContent(), out);
            }
        } else if (content instanceof String s) {
            out.add(s);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
