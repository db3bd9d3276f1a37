package cloud.consolesensei.testkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fresh PostgreSQL schemas for the {@code postgres} test profile: the server at
 * 127.0.0.1:5432, database {@code test}, user {@code postgres} (trust authentication); each
 * {@link #cli} gets an empty schema of its own ({@code currentSchema} in the JDBC URL), so tests
 * never see each other's runs. {@link #dropAll()} removes them.
 */
public final class PostgresSchemas {

    /** The database the tests use. */
    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    public static final String USER = "postgres";

    private final String server;
    private final String user;
    private final List<String> created = new ArrayList<>();

    /** Schemas on the tests' server ({@link #SERVER}, user {@link #USER}). */
    public PostgresSchemas() {
        this(SERVER, USER);
    }

    /** Schemas on {@code server} (a JDBC URL without parameters) as {@code user}, no password. */
    public PostgresSchemas(String server, String user) {
        this.server = server;
        this.user = user;
    }

    /** A CLI whose database is a new, empty schema. */
    public Cli cli(Path dir, String extraYaml) throws Exception {
        return Cli.jdbc(dir, url(), user, extraYaml);
    }

    /** The JDBC URL (this instance's user, no password) of a new, empty schema. */
    public String url() {
        String schema = "cs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Cli.execute(server, user, "CREATE SCHEMA " + schema);
        created.add(schema);
        return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Drops every schema this instance created. */
    public void dropAll() {
        for (String s : created) Cli.execute(server, user, "DROP SCHEMA IF EXISTS " + s + " CASCADE");
        created.clear();
    }
}
