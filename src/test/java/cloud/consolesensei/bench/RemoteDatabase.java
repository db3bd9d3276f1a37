package cloud.consolesensei.bench;

import cloud.consolesensei.testkit.PostgresSchemas;

import java.util.List;
import java.util.Map;

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

    private final PostgresSchemas schemas;
    private final String url;
    private final String user;
    private final String rabbit;

    private RemoteDatabase(PostgresSchemas schemas, String user, String rabbit) {
        this.schemas = schemas;
        this.url = schemas.url();
        this.user = user;
        this.rabbit = rabbit;
    }

    static RemoteDatabase create(Map<String, String> options) {
        String user = options.getOrDefault("db-user", PostgresSchemas.USER);
        return new RemoteDatabase(new PostgresSchemas(options.getOrDefault("db", PostgresSchemas.SERVER), user), user,
                options.getOrDefault("rabbit", "127.0.0.1:5672"));
    }

    /** A manager and {@code workers} worker JVMs on this schema and broker. */
    AuditBenchmark.Deployment deployment(int workers) {
        String[] hostPort = rabbit.split(":");
        return new AuditBenchmark.Deployment("  partitioning:\n    mode: remote\n    timeout: 60m\n", url, user, workers,
                // pools sized by the product from the concurrency, opened as needed: three processes share
                // PostgreSQL's 100 connections with whatever else uses the server
                List.of("--spring.rabbitmq.host=" + hostPort[0], "--spring.rabbitmq.port=" + hostPort[1],
                        "--spring.datasource.hikari.maximum-pool-size=1", "--spring.datasource.hikari.minimum-idle=2"));
    }

    @Override
    public void close() {
        schemas.dropAll();
    }
}
