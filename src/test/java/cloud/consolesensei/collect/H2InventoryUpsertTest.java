package cloud.consolesensei.collect;

import cloud.consolesensei.testkit.MigratedDatabase;

/** {@link InventoryUpsertSuite} on the embedded H2, in memory. */
class H2InventoryUpsertTest extends InventoryUpsertSuite {

    @Override
    MigratedDatabase open(int poolSize) {
        return MigratedDatabase.h2(poolSize);
    }
}
