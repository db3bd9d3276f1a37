package cloud.consolesensei.config;

import java.util.List;

/**
 * Bad configuration or usage: the run must not start (exit code 2, nothing written). Each
 * problem names the file (when known), the key, the value and what is allowed.
 */
public class ConfigException extends RuntimeException {

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    /** One line per problem. */
    public List<String> problems() {
        return problems;
    }
}
