package cloud.consolesensei.notify;

import static cloud.consolesensei.notify.TestEstate.CRITICAL;
import static cloud.consolesensei.notify.TestEstate.HIGH;
import static cloud.consolesensei.notify.TestEstate.LOW;
import static cloud.consolesensei.notify.TestEstate.item;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.ConsoleSenseiApplication;
import cloud.consolesensei.job.AuditRunner;
import cloud.consolesensei.job.RunOutcome;
import cloud.consolesensei.job.RunRequest;
import cloud.consolesensei.testkit.JobTest;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Email summaries through a real SMTP server (GreenMail on a loopback port): a two-account run
 * sends the all-accounts summary to the default recipients and each account's summary (with a
 * one-account workbook) to that account's recipients.
 */
@SpringBootTest(classes = {ConsoleSenseiApplication.class, TestEstate.Config.class}, properties = {
        "spring.datasource.url=jdbc:h2:mem:mail-it;DB_CLOSE_DELAY=-1",
        "spring.mail.host=127.0.0.1",
        "consolesensei.mail.from=sensei@example.com",
        "consolesensei.mail.recipients[0]=boss@example.com",
        "consolesensei.accounts[0].id=123456789012",
        "consolesensei.accounts[0].name=alpha",
        "consolesensei.accounts[0].regions[0]=us-east-1",
        "consolesensei.accounts[0].recipients[0]=alpha@example.com",
        "consolesensei.accounts[1].id=210987654321",
        "consolesensei.accounts[1].name=beta",
        "consolesensei.accounts[1].regions[0]=us-east-1",
        "consolesensei.accounts[1].recipients[0]=beta@example.com",
        "consolesensei.accounts[1].recipients[1]=beta2@example.com"})
@JobTest
class MailDeliveryTest {

    static final String ALPHA = "123456789012";
    static final String BETA = "210987654321";
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);
    static final int PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry r) {
        r.add("spring.mail.port", () -> PORT);
    }

    @Autowired
    AuditRunner runner;

    @TempDir
    Path reports;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void estate() {
        TestEstate.wipeHistory(jdbc);
        TestEstate.set(ALPHA,
                item("us-east-1", "<script>alert(1)</script>", CRITICAL, "10.50"),
                item("us-east-1", "i-0high", HIGH, "5"),
                item("us-east-1", "i-0low", LOW, null));
        TestEstate.set(BETA, item("us-east-1", "vol-0beta", HIGH, "2.25"));
    }

    @AfterEach
    void clear() {
        TestEstate.clear();
    }

    @Test
    void twoAccountRunSendsEachRecipientListItsSummary() throws Exception {
        RunOutcome o = runner.run(request(false));

        assertThat(o.exitCode()).isZero();
        Path dir = reports.resolve(AS_OF.toString());
        assertThat(o.files()).contains(dir.resolve("consolesensei-all-2026-11-20.xlsx"),
                dir.resolve("summary-all-2026-11-20.eml"), dir.resolve("consolesensei-" + ALPHA + "-2026-11-20.xlsx"),
                dir.resolve("summary-" + ALPHA + "-2026-11-20.eml"), dir.resolve("summary-" + BETA + "-2026-11-20.eml"));
        // the one-account workbooks do not bring one-account CSVs: the all-accounts outputs are the run's
        assertThat(dir.resolve("findings-" + ALPHA + "-2026-11-20.csv")).doesNotExist();

        Map<String, MimeMessage> byRecipient = new HashMap<>();
        MimeMessage[] received = smtp.getReceivedMessages();
        // GreenMail keeps one copy per recipient: boss, alpha, beta, beta2 - three messages
        assertThat(received).hasSize(4);
        for (MimeMessage m : received) {
            for (var a : m.getRecipients(Message.RecipientType.TO)) byRecipient.putIfAbsent(((InternetAddress) a).getAddress(), m);
        }
        assertThat(byRecipient).containsOnlyKeys("boss@example.com", "alpha@example.com", "beta@example.com", "beta2@example.com");
        assertThat(Arrays.stream(received).map(this::messageId).distinct()).hasSize(3);

        MimeMessage all = byRecipient.get("boss@example.com");
        assertThat(all.getSubject()).isEqualTo("[ConsoleSensei] all: 17.75 USD/month savings \u2014 1 critical, 2 high, 4 new");
        assertThat(all.getFrom()[0].toString()).isEqualTo("sensei@example.com");
        Mails allParts = Mails.parts(all);
        assertThat(allParts.text()).contains("ConsoleSensei Cloud audit: all accounts (2)", "CRITICAL: 1", "HIGH: 2",
                "first run of this scope", "- CRITICAL 123456789012 us-east-1 <script>alert(1)</script>: Critical thing"
                        + " (test.critical_thing), 10.50 USD/month",
                "- HIGH 210987654321 us-east-1 vol-0beta", "High thing (test.high_thing): 2 finding(s), 7.25 USD/month",
                "None: every account, region and check was audited.", "job execution " + o.executionId());
        assertThat(allParts.text()).doesNotContain("i-0low:"); // LOW is counted, not listed among critical/high
        assertThat(allParts.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "17.75 USD", "job execution <span>"
                + o.executionId() + "</span>").doesNotContain("<script>");
        readableOnAPhone(allParts.html());
        assertThat(allParts.attachments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("consolesensei-all-2026-11-20.xlsx");
            assertThat(findingIds(a.bytes())).containsExactlyInAnyOrder("<script>alert(1)</script>", "i-0high", "i-0low", "vol-0beta");
        });

        MimeMessage alpha = byRecipient.get("alpha@example.com");
        assertThat(alpha.getSubject()).isEqualTo("[ConsoleSensei] 123456789012: 15.50 USD/month savings \u2014 1 critical, 1 high, 3 new");
        Mails alphaParts = Mails.parts(alpha);
        assertThat(alphaParts.text()).contains("alpha (123456789012)").doesNotContain("vol-0beta");
        assertThat(alphaParts.html()).contains("&lt;script&gt;").doesNotContain("<script>").doesNotContain("vol-0beta");
        assertThat(alphaParts.attachments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("consolesensei-123456789012-2026-11-20.xlsx");
            assertThat(findingIds(a.bytes())).containsExactlyInAnyOrder("<script>alert(1)</script>", "i-0high", "i-0low");
            assertThat(firstColumn(a.bytes(), "Summary")).contains("Trend: last 1 run(s) of scope 123456789012");
        });

        MimeMessage beta = byRecipient.get("beta@example.com");
        assertThat(beta.getSubject()).isEqualTo("[ConsoleSensei] 210987654321: 2.25 USD/month savings \u2014 0 critical, 1 high, 1 new");
        assertThat(beta.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("beta@example.com", "beta2@example.com");
        assertThat(findingIds(Mails.parts(beta).attachments().get(0).bytes())).containsExactly("vol-0beta");

        // the .eml on disk is the message as sent
        MimeMessage eml = Mails.read(dir.resolve("summary-all-2026-11-20.eml"));
        assertThat(eml.getSubject()).isEqualTo(all.getSubject());
        assertThat(eml.getMessageID()).isEqualTo(all.getMessageID());
    }

    @Test
    void noEmailWritesTheEmlAndSendsNothing() throws Exception {
        RunOutcome o = runner.run(request(true));

        assertThat(o.exitCode()).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
        Path eml = reports.resolve(AS_OF.toString()).resolve("summary-all-2026-11-20.eml");
        assertThat(o.files()).contains(eml);
        MimeMessage m = Mails.read(eml);
        assertThat(m.getSubject()).startsWith("[ConsoleSensei] all: 17.75 USD/month savings \u2014 1 critical, 2 high,");
        assertThat(m.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly("boss@example.com");
        assertThat(Mails.parts(m).attachments()).hasSize(1);
    }

    /**
     * The HTML part reads at 600 px without a stylesheet: one column at most 600 px wide, no
     * {@code <style>} block or class a client may strip (every style inline), and no table row wider
     * than three cells, the resource's details stacked under its title instead.
     */
    static void readableOnAPhone(String html) {
        assertThat(html).doesNotContain("<style").doesNotContain("class=\"").contains("max-width:600px");
        Matcher row = Pattern.compile("(?s)<tr[^>]*>(.*?)</tr>").matcher(html);
        int rows = 0;
        while (row.find()) {
            rows++;
            String cells = row.group(1);
            int n = cells.split("<t[dh][ >]", -1).length - 1;
            assertThat(n).as("cells in a row: " + cells).isBetween(1, 3);
        }
        assertThat(rows).isGreaterThan(5);
        Matcher table = Pattern.compile("<table[^>]*>").matcher(html);
        while (table.find()) assertThat(table.group()).contains("width:100%");
    }

    private RunRequest request(boolean noEmail) {
        return new RunRequest(UUID.randomUUID().toString(), AS_OF, List.of(), List.of(), reports, noEmail, false, false);
    }

    private String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Resource IDs (column H) of the attached workbook's Findings sheet, read back with POI. */
    static List<String> findingIds(byte[] xlsx) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet s = wb.getSheet("Findings");
            return java.util.stream.IntStream.rangeClosed(1, s.getLastRowNum())
                    .mapToObj(i -> s.getRow(i).getCell(7).getStringCellValue()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Text cells of column A of a sheet. */
    static List<String> firstColumn(byte[] xlsx, String sheet) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> out = new java.util.ArrayList<>();
            for (var r : wb.getSheet(sheet)) {
                var c = r.getCell(0);
                if (c != null && c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) out.add(c.getStringCellValue());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
