package cloud.consolesensei.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The benchmark's remote mode: a fresh PostgreSQL schema for the manager and its workers (dropped on
 * {@link #close()}), and the configuration that sends the collect partitions over RabbitMQ.
 * Options: {@code db} (default {@code jdbc:postgresql://127.0.0.1:5432/test}), {@code db-user}
 * ({@code postgres}, no password), {@code rabbit} ({@code 127.0.0.1:5672}, user guest).
 * <p>
 * The partition queue's name is fixed ({@code consolesensei.partitions}): do not run the
 * {@code remote} test suite against the same broker meanwhile, or its workers take the benchmark's
 * requests.
 */
final class RemoteDatabase implements AutoCloseable {

    private final String server;
    private final String user;
    private final String schema;
    private final String rabbit;

    private RemoteDatabase(String server, String user, String schema, String rabbit) {
        this.server = server;
        this.user = user;
        this.schema = schema;
        this.rabbit = rabbit;
    }

    static RemoteDatabase create(Map<String, String> options) throws SQLException {
        String server = options.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = options.getOrDefault("db-user", "postgres");
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(server, user, "CREATE SCHEMA " + schema);
        return new RemoteDatabase(server, user, schema, options.getOrDefault("rabbit", "127.0.0.1:5672"));
    }

    /** A manager and {@code workers} worker JVMs on this schema and broker. */
    AuditBenchmark.Deployment deployment(int workers) {
        String[] hostPort = rabbit.split(":");
        return new AuditBenchmark.Deployment("  partitioning:\n    mode: remote\n    timeout: 60m\n",
                server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema, user, workers,
                // pools sized by the product from the concurrency, opened as needed: three processes share
                // PostgreSQL's 100 connections with whatever else uses the server
                List.of("--spring.rabbitmq.host=" + hostPort[0], "--spring.rabbitmq.port=" + hostPort[1],
                        "--spring.datasource.hikari.maximum-pool-size=1", "--spring.datasource.hikari.minimum-idle=2"));
    }

    @Override
    public void close() throws SQLException {
        execute(server, user, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(String url, String user, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
