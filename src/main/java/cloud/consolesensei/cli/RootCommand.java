package cloud.consolesensei.cli;

import picocli.CommandLine.Command;

/** The {@code consolesensei} command and its subcommands (CONTRACT.md, "Commands"). */
@Command(name = "consolesensei", mixinStandardHelpOptions = true, version = "ConsoleSensei Cloud 0.1.0",
        description = "Audits AWS accounts: cost, EC2, EBS, Auto Scaling, S3 and IAM; writes Excel/CSV reports and email summaries.",
        subcommands = {RunCommand.class, RunsCommand.class, RestartCommand.class, DoctorCommand.class})
public class RootCommand {
}
