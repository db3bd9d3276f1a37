package cloud.consolesensei;

import cloud.consolesensei.cli.AppContext;
import cloud.consolesensei.cli.RootCommand;
import cloud.consolesensei.cli.Signals;
import cloud.consolesensei.report.PoiTempFolder;

import java.io.UncheckedIOException;

import picocli.CommandLine;

/**
 * Entry point: {@code java -jar consolesensei.jar <command> [options]}. Exit codes (README):
 * 0 every account and check audited; 3 finished with coverage gaps; 4 an email not delivered; 1 the
 * job failed; 2 bad usage or configuration; 130 / 143 a run stopped by SIGINT / SIGTERM.
 */
public final class ConsoleSensei {

    private static final String H2_BIND_ADDRESS = "h2.bindAddress";

    private ConsoleSensei() {
    }

    public static void main(String[] args) {
        Signals.install();
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (used by tests in-process). */
    public static int execute(String... args) {
        // the embedded H2's automatic mixed mode serves the database file to this host's other
        // processes only: its TCP server binds to loopback, not to every interface
        if (System.getProperty(H2_BIND_ADDRESS) == null) System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        // the spreadsheet library's temp files go to a folder of this process's own (a second OS user
        // of the host could not write to POI's shared /tmp/poifiles)
        try {
            PoiTempFolder.install();
        } catch (UncheckedIOException e) {
            // a bad -Djava.io.tmpdir is bad input: the message names it and what to do (README, exit codes)
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        CommandLine cli = new CommandLine(new RootCommand());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("error: " + ex.getMessage());
            return 1;
        });
        cli.setParameterExceptionHandler((ex, rest) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("error: " + ex.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            return 2;
        });
        if (args.length == 0) {
            cli.usage(cli.getOut());
            return 2;
        }
        return cli.execute(AppContext.splitSpringArgs(args));
    }
}
