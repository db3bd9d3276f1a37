package cloud.consolesensei.support;

import cloud.consolesensei.ConsoleSensei;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Runs the real command line in-process with a database and reports folder of its own, and
 * captures what it prints.
 */
public final class CliHarness {

    /** What one command printed and returned. */
    public record Result(int exitCode, String out, String err) {
    }

    private CliHarness() {
    }

    /**
     * Runs {@code args} with an H2 file database under {@code work/data}.
     */
    public static synchronized Result run(Path work, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String oldUrl = System.getProperty("spring.datasource.url");
        System.setProperty("spring.datasource.url", "jdbc:h2:file:" + work.resolve("data/consolesensei").toAbsolutePath());
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = ConsoleSensei.execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            if (oldUrl == null) System.clearProperty("spring.datasource.url");
            else System.setProperty("spring.datasource.url", oldUrl);
        }
    }
}
