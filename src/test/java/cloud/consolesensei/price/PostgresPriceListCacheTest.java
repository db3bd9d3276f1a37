package cloud.consolesensei.price;

import cloud.consolesensei.testkit.MigratedDatabase;

import org.junit.jupiter.api.Tag;

/** {@link PriceListCacheSuite} on real PostgreSQL (profile {@code postgres}), in a fresh schema. */
@Tag("postgres")
class PostgresPriceListCacheTest extends PriceListCacheSuite {

    @Override
    MigratedDatabase open(int poolSize) {
        return MigratedDatabase.postgres(poolSize);
    }
}
