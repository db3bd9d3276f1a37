package cloud.consolesensei.cli;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line for a database that cannot be used, naming it ({@code spring.datasource.url} with any
 * password removed) and what to do, instead of the driver's own words without a name: a database
 * server that is down or unknown, and an embedded H2 folder another process holds (H2 error 90020,
 * "The file is locked", which happens with a URL that leaves out {@code ;AUTO_SERVER=TRUE}).
 * CONTRACT.md: a database that cannot be reached fails the command with exit 1.
 */
final class DatabaseErrors {

    /** H2's {@code DATABASE_ALREADY_OPEN_1}: "Database may be already in use ... The file is locked". */
    private static final int H2_ALREADY_OPEN = 90020;

    /** {@code password=...} in a URL's parameters ({@code ?a=b&password=x}, H2's {@code ;PASSWORD=x}), and {@code //user:pass@}. */
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("//([^/@:]*):[^/@]*@");
    private static final Pattern H2_FILE = Pattern.compile("(?i)^jdbc:h2:(?:file:)?([^;:][^;]*)");

    private DatabaseErrors() {
    }

    /**
     * The one line for {@code failure} when it is a database that cannot be reached or is held by
     * another process; empty for anything else.
     *
     * @param url the configured {@code spring.datasource.url} (may hold a password: never printed)
     */
    static Optional<String> describe(Throwable failure, String url) {
        String safe = withoutPassword(url == null ? "" : url);
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLException sql && (sql.getErrorCode() == H2_ALREADY_OPEN
                    || String.valueOf(sql.getMessage()).contains("The file is locked"))) {
                return Optional.of(locked(safe));
            }
        }
        // a refused connection is the database's only below a JDBC failure: the broker's is not
        boolean jdbc = false;
        for (Throwable c = failure; c != null; c = c.getCause() == c ? null : c.getCause()) {
            jdbc |= c instanceof SQLException;
            boolean connect = jdbc && (c instanceof ConnectException || c instanceof UnknownHostException)
                    || c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
            if (connect) {
                Throwable root = c;
                while (root.getCause() != null && root.getCause() != root) root = root.getCause();
                return Optional.of("the database " + safe + " cannot be reached: " + reason(root)
                        + " (spring.datasource.url): check that the database server is running and reachable from here");
            }
        }
        return Optional.empty();
    }

    private static String locked(String url) {
        Matcher m = H2_FILE.matcher(url);
        String folder = m.find() ? folder(m.group(1)) : url;
        return "the database folder " + folder + " is in use by another process (H2: the file is locked; "
                + url + "): stop that process (e.g. `serve`), or let processes share it by keeping ;AUTO_SERVER=TRUE in"
                + " spring.datasource.url (the default URL has it)";
    }

    /** {@code ./data} for {@code ./data/consolesensei}: the folder that holds the database files. */
    private static String folder(String path) {
        Path p = Path.of(path.replace('\\', '/')).getParent();
        return p == null ? "." : p.toString();
    }

    private static String reason(Throwable root) {
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.replaceAll("\\s+", " ").trim();
    }

    /** The URL with every password in it replaced by {@code ***}. */
    static String withoutPassword(String url) {
        return USER_INFO.matcher(PASSWORD.matcher(url).replaceAll("$1***")).replaceAll("//$1:***@");
    }
}
