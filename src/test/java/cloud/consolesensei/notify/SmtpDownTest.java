package cloud.consolesensei.notify;

import static cloud.consolesensei.notify.TestEstate.HIGH;
import static cloud.consolesensei.notify.TestEstate.item;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.ConsoleSenseiApplication;
import cloud.consolesensei.job.AuditRunner;
import cloud.consolesensei.job.RunOutcome;
import cloud.consolesensei.job.RunRequest;
import cloud.consolesensei.testkit.JobTest;

import jakarta.mail.internet.MimeMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * SMTP refusing connections (a closed loopback port): the send is retried with backoff, then the
 * run ends with exit 4 (3 when it also has coverage gaps: gaps win); the .eml, the findings and the workbook are on disk. The attachment limit
 * is 0 MiB here, so the message carries the workbook's path instead of the workbook.
 */
@SpringBootTest(classes = {ConsoleSenseiApplication.class, TestEstate.Config.class}, properties = {
        "spring.datasource.url=jdbc:h2:mem:smtp-down;DB_CLOSE_DELAY=-1",
        "spring.mail.host=127.0.0.1",
        "spring.mail.password=hunter2-secret",
        "spring.mail.username=sensei",
        "consolesensei.mail.recipients[0]=boss@example.com",
        "consolesensei.mail.max-attachment-mb=0",
        "consolesensei.accounts[0].id=123456789012",
        "consolesensei.accounts[0].name=alpha",
        "consolesensei.accounts[0].regions[0]=us-east-1"})
@JobTest
class SmtpDownTest {

    /** Free a moment ago and closed now: connections to it are refused. */
    static final int CLOSED_PORT = MailDeliveryTest.freePort();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry r) {
        r.add("spring.mail.port", () -> CLOSED_PORT);
    }

    @Autowired
    AuditRunner runner;

    @TempDir
    Path reports;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void clear() {
        TestEstate.clear();
        TestEstate.wipeHistory(jdbc);
    }

    @Test
    void undeliverableEmailExitsFourAndKeepsEverythingWritten() throws Exception {
        TestEstate.set("123456789012", item("us-east-1", "i-0high", HIGH, "5"), item("us-east-1", "i-0more", HIGH, null));
        LocalDate asOf = LocalDate.of(2026, 11, 21);

        long start = System.nanoTime();
        RunOutcome o = runner.run(new RunRequest(UUID.randomUUID().toString(), asOf, List.of(), List.of(), reports,
                false, false, false));
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(o.exitCode()).isEqualTo(4);
        assertThat(o.status()).isEqualTo("COMPLETED");
        assertThat(o.messages()).contains("email could not be delivered: the .eml summary is kept");
        // backoff: 0.5 s + 1 s + 2 s between the four attempts
        assertThat(tookMs).isGreaterThanOrEqualTo(3_500);
        Path dir = reports.resolve(asOf.toString());
        Path eml = dir.resolve("summary-all-2026-11-21.eml");
        Path workbook = dir.resolve("consolesensei-all-2026-11-21.xlsx");
        assertThat(o.files()).contains(workbook, eml);
        assertThat(Files.readAllLines(dir.resolve("findings-all-2026-11-21.csv"))).hasSize(3)
                .anySatisfy(l -> assertThat(l).contains("i-0high", "HIGH", "5.00", "NEW"));
        try (XSSFWorkbook wb = new XSSFWorkbook(workbook.toFile())) {
            assertThat(wb.getSheet("Findings").getLastRowNum()).isEqualTo(2);
        }
        MimeMessage m = Mails.read(eml);
        assertThat(m.getSubject()).isEqualTo("[ConsoleSensei] all: 5.00 USD/month savings \u2014 0 critical, 2 high, 2 new");
        Mails parts = Mails.parts(m);
        assertThat(parts.attachments()).isEmpty();
        assertThat(parts.text()).contains("above the 0 MiB attachment limit (consolesensei.mail.max-attachment-mb)",
                "find it at " + workbook.toAbsolutePath());
        assertThat(parts.html()).contains("find it at " + workbook.toAbsolutePath());
        String raw = Files.readString(eml);
        assertThat(raw).doesNotContain("hunter2-secret");
        assertThat(Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".part"))).isEmpty();
    }

    @Test
    void coverageGapsWinOverAnUndeliverableEmail() throws Exception {
        TestEstate.set("123456789012", item("us-east-1", "i-0high", HIGH, "5"),
                TestEstate.denied("us-east-1", "not allowed to describe things"));
        RunOutcome o = runner.run(new RunRequest(UUID.randomUUID().toString(), LocalDate.of(2026, 11, 22), List.of(),
                List.of(), reports, false, false, false));

        assertThat(o.exitCode()).isEqualTo(3);
        assertThat(o.gaps()).isEqualTo(1);
        assertThat(o.messages()).contains("email could not be delivered: the .eml summary is kept",
                "1 coverage gap(s): see the Coverage sheet and the coverage CSV");
    }
}
