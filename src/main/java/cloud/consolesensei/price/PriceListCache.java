package cloud.consolesensei.price;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database copy of Price List answers (table {@code price_list_cache}, migration
 * {@code V75__price_list_cache.sql}), one row per (region, instance type, operating system,
 * tenancy, as-of month), shared by every account and run: a nightly run asks the Price List at most
 * once a month per key. A product that was not found is kept too (with its note); a refused or
 * unreadable answer is not kept, so the next run asks again.
 * <p>
 * Several processes (the workers of a remote run) may ask the Price List for the same key at once
 * and store the same answer: the first row stays and the others are dropped. Each row is written in
 * a transaction of its own, never in the chunk transaction of the partition that asked: on
 * PostgreSQL a failed statement aborts the transaction it runs in, so a duplicate key met inside a
 * chunk would fail the chunk, and a row held uncommitted until the chunk ends would make a second
 * process wait on it (or deadlock, two keys in opposite order).
 */
@Repository
public class PriceListCache implements PriceStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    /**
     * @param jdbc         the database holding {@code price_list_cache}
     * @param transactions the transaction manager of that database; rows are committed on their own
     */
    public PriceListCache(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Optional<OnDemandPrice> find(PriceKey k) {
        return jdbc.sql("""
                        SELECT hourly_usd, sku, note FROM price_list_cache
                        WHERE region = ? AND instance_type = ? AND operating_system = ? AND tenancy = ? AND as_of_month = ?""")
                .params(k.region(), k.instanceType(), k.operatingSystem(), k.tenancy(), k.month().toString())
                .query((rs, n) -> new OnDemandPrice(rs.getBigDecimal(1) == null ? null
                        : rs.getBigDecimal(1).stripTrailingZeros(), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /**
     * Stores the answer for {@code k} in a transaction of its own; when another process stored that
     * key first, its row stays (the Price List answered it the same) and nothing is thrown.
     */
    @Override
    public void put(PriceKey k, OnDemandPrice p) {
        try {
            own.executeWithoutResult(status -> insert(k, p));
        } catch (DuplicateKeyException e) {
            // another partition or process stored the same month's answer first: the Price List gave it the same
        }
    }

    private void insert(PriceKey k, OnDemandPrice p) {
        jdbc.sql("""
                        INSERT INTO price_list_cache (region, instance_type, operating_system, tenancy, as_of_month,
                                                      hourly_usd, sku, note, fetched_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(k.region(), k.instanceType(), k.operatingSystem(), k.tenancy(), k.month().toString(),
                        p.hourlyUsd(), cut(p.sku(), 500), cut(p.note(), 2000), Timestamp.from(Instant.now()))
                .update();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
