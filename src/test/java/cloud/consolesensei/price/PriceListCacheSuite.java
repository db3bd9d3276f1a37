package cloud.consolesensei.price;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.MigratedDatabase;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link PriceListCache} when several partitions or worker processes store the same key: the insert
 * is idempotent and never spoils the chunk transaction of the partition that asked (on PostgreSQL a
 * failed statement aborts its whole transaction). A real database migrated by the product's Flyway
 * scripts; subclasses choose H2 or PostgreSQL.
 */
abstract class PriceListCacheSuite {

    private static final PriceKey KEY = new PriceKey("eu-west-1", "m5.large", "Linux", "Shared", YearMonth.of(2026, 11));
    private static final OnDemandPrice PRICE = new OnDemandPrice(new BigDecimal("0.107"), "SKU1", null);
    private static final int PROCESSES = 8;

    private MigratedDatabase database;
    private DataSource dataSource;
    private JdbcClient jdbc;
    private TransactionTemplate chunk;

    /** An empty database, migrated, with at most {@code poolSize} connections: H2 or PostgreSQL. */
    abstract MigratedDatabase open(int poolSize);

    @BeforeEach
    void migrate() {
        database = open(2 * PROCESSES + 2);
        dataSource = database.dataSource();
        jdbc = JdbcClient.create(dataSource);
        chunk = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aKeyAnotherProcessStoredFirstKeepsItsRowAndTheChunkGoesOn() {
        cache(dataSource).put(KEY, PRICE);

        // the second process's chunk: looked the key up before the first stored it, asked the Price List, stores it too
        long rows = chunk.execute(status -> {
            jdbc.sql("INSERT INTO price_list_cache (region, instance_type, operating_system, tenancy, as_of_month, fetched_at)"
                    + " VALUES ('us-east-1', 't3.micro', 'Linux', 'Shared', '2026-11', CURRENT_TIMESTAMP)").update();
            cache(dataSource).put(KEY, new OnDemandPrice(new BigDecimal("0.107"), "SKU1", null));
            return jdbc.sql("SELECT COUNT(*) FROM price_list_cache").query(Long.class).single();
        });

        assertThat(rows).as("the chunk's own statements still run after the duplicate").isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM price_list_cache WHERE instance_type = 't3.micro'").query(Long.class).single())
                .as("the chunk committed").isEqualTo(1);
        assertThat(cache(dataSource).find(KEY)).contains(new OnDemandPrice(new BigDecimal("0.107"), "SKU1", null));
    }

    @Test
    void processesStoringTheSameKeyAtOnceLeaveOneRowAndEveryChunkCommits() throws Exception {
        CyclicBarrier together = new CyclicBarrier(PROCESSES);
        ExecutorService pool = Executors.newFixedThreadPool(PROCESSES);
        List<Future<Long>> chunks = new ArrayList<>();
        try {
            for (int i = 0; i < PROCESSES; i++) {
                // each a cache of its own, as each worker JVM has
                PriceListCache process = cache(dataSource);
                chunks.add(pool.submit(() -> chunk.execute(status -> {
                    jdbc.sql("SELECT COUNT(*) FROM price_list_cache").query(Long.class).single();
                    await(together);
                    process.put(KEY, PRICE);
                    return jdbc.sql("SELECT COUNT(*) FROM price_list_cache").query(Long.class).single();
                })));
            }
            for (Future<Long> f : chunks) assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }

        assertThat(jdbc.sql("SELECT COUNT(*) FROM price_list_cache").query(Long.class).single()).isEqualTo(1);
        assertThat(cache(dataSource).find(KEY)).contains(PRICE);
    }

    private static PriceListCache cache(DataSource ds) {
        return new PriceListCache(JdbcClient.create(ds), new JdbcTransactionManager(ds));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other processes never came", e);
        }
    }
}
