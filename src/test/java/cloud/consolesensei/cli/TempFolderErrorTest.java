package cloud.consolesensei.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.ConsoleSensei;
import cloud.consolesensei.testkit.ChildJvm;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A {@code java.io.tmpdir} the workbooks' temporary folder cannot be made in is bad input: one line
 * naming the folder and what to do, exit 2, before any command runs (its own JVM: the folder is made
 * once per process).
 */
class TempFolderErrorTest {

    @Test
    void anUnwritableTempDirIsOneLineAndExit2() throws Exception {
        ChildJvm.Ended end = ChildJvm.run(List.of("-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=/nonexistent/consolesensei-test"),
                ConsoleSensei.class, "--version");
        String out = end.output();
        assertThat(end.exitCode()).as(out).isEqualTo(2);
        assertThat(out.strip().lines()).as(out).hasSize(1);
        assertThat(out).startsWith("error: cannot create a temporary folder for the workbooks under /nonexistent/consolesensei-test"
                + " (java.io.tmpdir)").contains("start java with -Djava.io.tmpdir=<a writable folder>");
    }
}
