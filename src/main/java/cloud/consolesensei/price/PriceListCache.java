package cloud.consolesensei.price;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The database copy of Price List answers (table {@code price_list_cache}, migration
 * {@code V75__price_list_cache.sql}), one row per (region, instance type, operating system,
 * tenancy, as-of month), shared by every account and run: a nightly run asks the Price List at most
 * once a month per key. A product that was not found is kept too (with its note); a refused or
 * unreadable answer is not kept, so the next run asks again.
 */
@Repository
public class PriceListCache implements PriceStore {

    private final JdbcClient jdbc;

    public PriceListCache(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    @Override
    public void put(PriceKey k, OnDemandPrice p) {
        try {
            jdbc.sql("""
                            INSERT INTO price_list_cache (region, instance_type, operating_system, tenancy, as_of_month,
                                                          hourly_usd, sku, note, fetched_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(k.region(), k.instanceType(), k.operatingSystem(), k.tenancy(), k.month().toString(),
                            p.hourlyUsd(), cut(p.sku(), 500), cut(p.note(), 2000), Timestamp.from(Instant.now()))
                    .update();
        } catch (DuplicateKeyException e) {
            // another partition stored the same month's answer first: the Price List gave it the same
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
