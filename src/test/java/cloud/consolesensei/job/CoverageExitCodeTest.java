package cloud.consolesensei.job;

import static cloud.consolesensei.notify.TestEstate.HIGH;
import static cloud.consolesensei.notify.TestEstate.defective;
import static cloud.consolesensei.notify.TestEstate.item;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.ConsoleSenseiApplication;
import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.notify.TestEstate;
import cloud.consolesensei.report.CsvReports;
import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.JobTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How coverage gaps set the exit code (CONTRACT.md). A bug of ours met while judging resources (a
 * {@link NullPointerException} inside a check) is an {@code INTERNAL_ERROR} gap naming the
 * exception and where it was thrown, with the stack trace logged once at ERROR; the other checks
 * and resources are still audited; the run exits 3 (before, it was AWS's "malformed response" with
 * a proxy remedy). An informational gap alone (a region not enabled) is listed with
 * {@code info=true} and the run exits 0.
 */
@SpringBootTest(classes = {ConsoleSenseiApplication.class, TestEstate.Config.class}, properties = {
        "spring.datasource.url=jdbc:h2:mem:coverage-exit-code;DB_CLOSE_DELAY=-1",
        "consolesensei.accounts[0].id=123456789012",
        "consolesensei.accounts[0].name=alpha",
        "consolesensei.accounts[0].regions[0]=us-east-1"})
@ExtendWith(OutputCaptureExtension.class)
@JobTest
class CoverageExitCodeTest {

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
    void anInformationalGapAloneLeavesTheExitCodeAtZero() throws Exception {
        TestEstate.set("123456789012", item("us-east-1", "i-0good", HIGH, "5"), TestEstate.notEnabled("us-east-1"));
        LocalDate asOf = LocalDate.of(2026, 11, 23);

        RunOutcome o = runner.run(new RunRequest(UUID.randomUUID().toString(), asOf, List.of(), List.of(), reports,
                true, false, false));

        assertThat(o.status()).isEqualTo("COMPLETED");
        assertThat(o.exitCode()).isEqualTo(0);
        assertThat(o.gaps()).isZero();
        assertThat(Cli.csv(reports.resolve(asOf.toString()).resolve("coverage-all-2026-11-23.csv"))).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("error_class")).isEqualTo("REGION_NOT_ENABLED");
                    assertThat(r.get("info")).isEqualTo("true");
                });
    }

    @Test
    void aDefectInACheckIsAnInternalErrorGapLoggedOnceWithItsStackTrace(CapturedOutput output) throws Exception {
        TestEstate.set("123456789012", item("us-east-1", "i-0good", HIGH, "5"),
                defective("us-east-1", "i-0bug1"), defective("us-east-1", "i-0bug2"));
        LocalDate asOf = LocalDate.of(2026, 11, 23);

        RunOutcome o = runner.run(new RunRequest(UUID.randomUUID().toString(), asOf, List.of(), List.of(), reports,
                true, false, false));

        assertThat(o.status()).isEqualTo("COMPLETED");
        assertThat(o.exitCode()).isEqualTo(3);
        assertThat(o.gaps()).isEqualTo(1);
        Path dir = reports.resolve(asOf.toString());
        Path coverage = dir.resolve("coverage-all-2026-11-23.csv");
        assertThat(Files.readAllLines(coverage).get(0).replace("\uFEFF", ""))
                .isEqualTo(String.join(",", CsvReports.COVERAGE_HEADER))
                .isEqualTo("account_id,region,service,operation,error_class,message,remedy,info");
        List<CSVRecord> rows = Cli.csv(coverage);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("region")).isEqualTo("us-east-1");
            assertThat(r.get("operation")).isEqualTo("check test.critical_thing");
            assertThat(r.get("error_class")).isEqualTo("INTERNAL_ERROR");
            assertThat(r.get("message")).startsWith("ec2.test_things: NullPointerException at cloud.consolesensei.notify.TestEstate")
                    .contains("TestEstate.java:");
            assertThat(r.get("remedy")).isEqualTo(ErrorClass.INTERNAL_ERROR.remedy());
            assertThat(r.get("info")).isEqualTo("false");
        });
        // the other resource was judged as usual
        assertThat(Cli.csv(dir.resolve("findings-all-2026-11-23.csv"))).extracting(r -> r.get("resource_id"))
                .containsExactly("i-0good");

        String log = output.getAll();
        assertThat(count(log, "ERROR .*internal error \\(a defect of this program\\): account=123456789012")).isEqualTo(1);
        assertThat(count(log, "ERROR .*internal error \\(a defect of this program, stack trace logged above\\)")).isEqualTo(1);
        assertThat(count(log, "java\\.lang\\.NullPointerException")).as("one stack trace").isEqualTo(1);
        assertThat(log).doesNotContain("MALFORMED_RESPONSE", "Malformed response");
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
