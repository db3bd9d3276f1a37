package cloud.consolesensei.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.Fixtures;
import cloud.consolesensei.testkit.JobTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code runs} says UTC and prints UTC, whatever the host's time zone (Spring Batch stores its times
 * in the JVM's zone), with the execution id and the run id (README, "Commands").
 */
@JobTest
class RunsCommandTest {

    /** UTC+14: a start printed in the host's zone would be off by 14 hours. */
    private static final Map<String, String> FAR_ZONE = Map.of("TZ", "Pacific/Kiritimati");

    @TempDir
    Path dir;

    @Test
    void printsStartAndEndInUtcWithTheRunId() throws Exception {
        Cli cli = Cli.h2(dir, "");
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Process run = cli.start(FAR_ZONE, dir.resolve("run.log"), "run", "--demo", "--no-email", "--as-of",
                Fixtures.AS_OF.toString());
        assertThat(run.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(Files.readString(dir.resolve("run.log"))).isZero();
        Instant after = Instant.now();

        Process runs = cli.start(FAR_ZONE, dir.resolve("runs.log"), "runs");
        assertThat(runs.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String listed = Files.readString(dir.resolve("runs.log"));
        assertThat(runs.exitValue()).as(listed).isZero();

        Map<String, String> execution = cli.query("SELECT e.JOB_EXECUTION_ID AS id, p.PARAMETER_VALUE AS run_id"
                + " FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
                + " AND p.PARAMETER_NAME = 'run.id'").get(0);
        assertThat(listed).containsPattern("(?m)^ID\\s+RUN ID\\s+START \\(UTC\\)\\s+END \\(UTC\\)\\s+STATUS");
        Matcher m = Pattern.compile("(?m)^" + execution.get("id") + "\\s+" + Pattern.quote(execution.get("run_id"))
                + "\\s+(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)\\s+(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)\\s+COMPLETED").matcher(listed);
        assertThat(m.find()).as(listed).isTrue();
        Instant start = utc(m.group(1));
        Instant end = utc(m.group(2));
        assertThat(start).isBetween(before, after);
        assertThat(end).isBetween(start, after);
    }

    private static Instant utc(String printed) {
        return LocalDateTime.parse(printed.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }
}
