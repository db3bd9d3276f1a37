package cloud.consolesensei.config;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.ConsoleSensei;
import cloud.consolesensei.testkit.JobTest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A suppression without a reason is a configuration error: the CLI exits 2 and writes nothing. */
@JobTest
class SuppressionConfigCliTest {

    @TempDir
    Path dir;

    @Test
    void suppressionWithoutReasonIsRejected() throws Exception {
        Path config = dir.resolve("audit.yml");
        Files.writeString(config, """
                spring:
                  datasource:
                    url: jdbc:h2:mem:cli-no-reason;DB_CLOSE_DELAY=-1
                consolesensei:
                  accounts:
                    - id: "123456789012"
                      name: alpha
                      regions: [us-east-1]
                  suppressions:
                    - check: ebs.*
                      resource: "vol-*"
                    - check: iam.*
                      resource: "*"
                      reason: "  "
                    - check: s3.*
                      resource: "*"
                      reason: public website
                """);
        Path reports = dir.resolve("reports");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = ConsoleSensei.execute("run", "--config", config.toString(), "--reports-dir", reports.toString(), "--no-email");
        } finally {
            System.setErr(saved);
        }
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(2);
        assertThat(stderr).contains("consolesensei.suppressions[0].reason: required", "consolesensei.suppressions[1].reason: required")
                .doesNotContain("suppressions[2].reason");
        assertThat(reports).doesNotExist();
    }
}
