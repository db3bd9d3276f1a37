package cloud.consolesensei.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.ConsoleSensei;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A {@code java.io.tmpdir} the workbooks' temporary folder cannot be made in is bad input: one line
 * naming the folder and what to do, exit 2, before any command runs (its own JVM: the folder is made
 * once per process).
 */
class TempFolderErrorTest {

    @Test
    void anUnwritableTempDirIsOneLineAndExit2() throws Exception {
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=/nonexistent/consolesensei-test", "-cp",
                System.getProperty("java.class.path"), ConsoleSensei.class.getName(), "--version"))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(2);
        assertThat(out.strip().lines()).as(out).hasSize(1);
        assertThat(out).startsWith("error: cannot create a temporary folder for the workbooks under /nonexistent/consolesensei-test"
                + " (java.io.tmpdir)").contains("start java with -Djava.io.tmpdir=<a writable folder>");
    }
}
