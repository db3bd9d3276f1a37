package cloud.consolesensei.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Options every command takes. */
public class CommonOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML configuration file (see jobs/audit.example.yml); adds to application.yml and the environment.")
    Path config;

    @Option(names = "--debug", description = "Debug logging, including AWS SDK request logging (secrets masked).")
    boolean debug;
}
