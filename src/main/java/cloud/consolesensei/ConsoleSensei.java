package cloud.consolesensei;

import cloud.consolesensei.cli.RootCommand;

import picocli.CommandLine;

/**
 * Entry point: {@code java -jar consolesensei.jar <command> [options]}. Exit codes (CONTRACT.md):
 * 0 every account and check audited; 3 finished with coverage gaps; 1 the job failed; 2 bad usage
 * or configuration.
 */
public final class ConsoleSensei {

    private ConsoleSensei() {
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (used by tests in-process). */
    public static int execute(String... args) {
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
        return cli.execute(cloud.consolesensei.cli.AppContext.splitSpringArgs(args));
    }
}
