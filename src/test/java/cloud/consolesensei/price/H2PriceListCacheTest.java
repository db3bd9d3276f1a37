package cloud.consolesensei.price;

import cloud.consolesensei.testkit.MigratedDatabase;

/** {@link PriceListCacheSuite} on the embedded H2, in memory. */
class H2PriceListCacheTest extends PriceListCacheSuite {

    @Override
    MigratedDatabase open(int poolSize) {
        return MigratedDatabase.h2(poolSize);
    }
}
