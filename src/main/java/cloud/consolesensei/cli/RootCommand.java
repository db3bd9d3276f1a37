package cloud.consolesensei.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/** The {@code consolesensei} command and its subcommands (README, "Commands"). */
@Command(name = "consolesensei", mixinStandardHelpOptions = true, versionProvider = Version.class,
        scope = ScopeType.INHERIT, // --help and --version on every subcommand
        description = "Audits AWS accounts: cost, EC2, EBS, Auto Scaling, S3 and IAM; writes Excel/CSV reports and email summaries.",
        subcommands = {picocli.CommandLine.HelpCommand.class, RunCommand.class, RunsCommand.class, RestartCommand.class,
                DoctorCommand.class, ServeCommand.class, WorkerCommand.class})
public class RootCommand {
}
