package cloud.consolesensei.cli;

import cloud.consolesensei.job.AccountSelection;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Option;

/** Options every command takes. */
public class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML configuration file (see jobs/audit.example.yml); adds to application.yml and the environment.")
    Path config;

    @Option(names = "--debug", description = "Debug logging, including AWS SDK request logging (secrets masked).")
    boolean debug;

    /** False (after printing why, one line per value) when an {@code --account} value is not a 12-digit account ID. */
    static boolean validAccountIds(List<String> ids, PrintWriter err) {
        List<String> problems = AccountSelection.problems("--account", ids, null);
        problems.forEach(p -> err.println("error: " + p));
        return problems.isEmpty();
    }
}
