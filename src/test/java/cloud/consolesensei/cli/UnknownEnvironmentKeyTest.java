package cloud.consolesensei.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.Cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A misspelt {@code CONSOLESENSEI_*} variable is refused as the same key on the command line is
 * (exit 2, one line naming it and the nearest key), while a well-spelt one is bound: before, the
 * misspelt one was silently ignored.
 */
class UnknownEnvironmentKeyTest {

    @TempDir
    Path dir;

    @Test
    void aMisspeltVariableIsRefusedAndAWellSpeltOneIsBound() throws Exception {
        Cli cli = Cli.h2(dir, "", false);
        Path log = dir.resolve("child.log");
        // concurrency-per-account 0 is out of range: its error proves the variable was bound to the key
        Process child = cli.start(Map.of("CONSOLESENSEI_AWS_MAX_ATTEMPS", "3", "CONSOLESENSEI_AWS_CONCURRENCY_PER_ACCOUNT", "0"),
                log, "run", "--demo", "--no-email");
        assertThat(child.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(log);
        assertThat(child.exitValue()).as(out).isEqualTo(2);
        assertThat(Arrays.stream(out.split("\n")).filter(l -> l.startsWith("error:")).toList())
                .contains("error: environment variable CONSOLESENSEI_AWS_MAX_ATTEMPS: not a configuration key;"
                        + " did you mean CONSOLESENSEI_AWS_MAX_ATTEMPTS? (unset it, or fix its name)")
                .anyMatch(l -> l.contains("consolesensei.aws.concurrency-per-account: '0' is outside 1..64"))
                .hasSize(2);
        assertThat(cli.reportsDir()).doesNotExist();
    }
}
