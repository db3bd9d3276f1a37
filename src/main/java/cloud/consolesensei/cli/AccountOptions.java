package cloud.consolesensei.cli;

import cloud.consolesensei.job.AccountSelection;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** The {@code --account} option of {@code run} and {@code doctor}: the accounts the command is limited to. */
public class AccountOptions {

    @Option(names = "--account", paramLabel = "ID",
            description = "Only this account (12-digit account ID); repeatable. Default: every configured account.")
    List<String> ids = new ArrayList<>();

    /**
     * False (after printing why, one line per value) when a value is not a 12-digit account ID
     * ({@link AccountSelection}); whether each is configured is checked once the configuration is read.
     */
    boolean valid(PrintWriter err) {
        List<String> problems = AccountSelection.problems("--account", ids, null);
        problems.forEach(p -> err.println("error: " + p));
        return problems.isEmpty();
    }
}
