package cloud.consolesensei.collect;

import cloud.consolesensei.testkit.MigratedDatabase;

import org.junit.jupiter.api.Tag;

/** {@link InventoryUpsertSuite} on real PostgreSQL (profile {@code postgres}), in a fresh schema. */
@Tag("postgres")
class PostgresInventoryUpsertTest extends InventoryUpsertSuite {

    @Override
    MigratedDatabase open(int poolSize) {
        return MigratedDatabase.postgres(poolSize);
    }
}
