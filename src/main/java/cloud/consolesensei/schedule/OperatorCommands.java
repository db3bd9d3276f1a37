package cloud.consolesensei.schedule;

import cloud.consolesensei.ConsoleSensei;

import java.io.File;

import org.springframework.boot.system.ApplicationHome;
import org.springframework.core.env.Environment;

/**
 * The command lines an operator types to act on a run of this process, as the README writes them:
 * {@code java -jar <jar> restart <execution id> [--config FILE]}. The jar is the one this process
 * runs from ({@code target/consolesensei.jar} when it runs from classes, as in tests and IDEs); the
 * configuration file is the one {@code --config} gave this process, so the restart reads the same
 * accounts and settings.
 */
final class OperatorCommands {

    /** The jar the README names, for a process not started from a jar. */
    static final String DEFAULT_JAR = "target/consolesensei.jar";

    private final String prefix;
    private final String config;

    OperatorCommands(Environment env) {
        File source = new ApplicationHome(ConsoleSensei.class).getSource();
        String jar = source != null && source.isFile() && source.getName().endsWith(".jar") ? source.getPath() : DEFAULT_JAR;
        this.prefix = "java -jar " + jar;
        String location = env.getProperty("spring.config.additional-location", "");
        this.config = location.startsWith("file:") && !location.contains(",")
                ? " --config " + quoted(location.substring("file:".length())) : "";
    }

    /** A path as a POSIX shell reads it back. */
    private static String quoted(String path) {
        return path.matches("[A-Za-z0-9_./:@+=-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
    }

    /** {@code java -jar ... restart ID [--config FILE]}. */
    String restart(long executionId) {
        return prefix + " restart " + executionId + config;
    }

    /** {@code java -jar ... run [--config FILE]}: a new run of every account. */
    String run() {
        return prefix + " run" + config;
    }
}
