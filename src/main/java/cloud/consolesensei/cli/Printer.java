package cloud.consolesensei.cli;

import cloud.consolesensei.job.RunOutcome;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Prints a run's end: messages, the execution id, then one {@code report: PATH} line per file (last). */
final class Printer {

    private Printer() {
    }

    static void outcome(RunOutcome o, PrintWriter out, PrintWriter err) {
        for (String m : o.messages()) {
            (m.startsWith("error:") ? err : out).println(m);
        }
        if (o.executionId() >= 0) {
            out.println("job execution " + o.executionId() + " " + o.status() + " (run " + o.runId() + "), exit code " + o.exitCode());
        }
        for (Path p : o.files()) {
            out.println("report: " + p);
        }
        out.flush();
        err.flush();
    }
}
