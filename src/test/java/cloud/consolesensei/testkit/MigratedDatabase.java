package cloud.consolesensei.testkit;

import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * An empty database migrated by the product's Flyway scripts ({@code db/migration/common} plus the
 * vendor's folder), behind a connection pool: an H2 database in memory, or a fresh schema of the
 * {@code postgres} profile's server ({@link PostgresSchemas}), dropped again on {@link #close}.
 * For suites that run the same tests on both databases.
 */
public final class MigratedDatabase implements AutoCloseable {

    private static final AtomicLong H2_NAMES = new AtomicLong();

    private final HikariDataSource dataSource;
    private final String vendor;
    private final PostgresSchemas schemas;

    private MigratedDatabase(String url, String user, String vendor, int poolSize, PostgresSchemas schemas) {
        this.vendor = vendor;
        this.schemas = schemas;
        this.dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        dataSource.setMaximumPoolSize(poolSize);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .load().migrate();
    }

    /** A new H2 database in memory, with at most {@code poolSize} connections. */
    public static MigratedDatabase h2(int poolSize) {
        return new MigratedDatabase("jdbc:h2:mem:migrated-" + H2_NAMES.incrementAndGet() + "-" + System.nanoTime()
                + ";DB_CLOSE_DELAY=-1", "sa", "h2", poolSize, null);
    }

    /** A new schema on the PostgreSQL server of the {@code postgres} profile, with at most {@code poolSize} connections. */
    public static MigratedDatabase postgres(int poolSize) {
        PostgresSchemas schemas = new PostgresSchemas();
        return new MigratedDatabase(schemas.url(), PostgresSchemas.USER, "postgresql", poolSize, schemas);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** {@code h2} or {@code postgresql}: the migration folder used. */
    public String vendor() {
        return vendor;
    }

    /** Closes the pool and removes the database: H2's is shut down (it would stay in memory), PostgreSQL's schema dropped. */
    @Override
    public void close() {
        String url = dataSource.getJdbcUrl();
        dataSource.close();
        if (schemas != null) schemas.dropAll();
        else Cli.execute(url, "sa", "SHUTDOWN");
    }
}
