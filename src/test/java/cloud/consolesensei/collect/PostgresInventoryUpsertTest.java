package cloud.consolesensei.collect;

import cloud.consolesensei.testkit.PostgresSchemas;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;

/** {@link InventoryUpsertSuite} on real PostgreSQL (profile {@code postgres}), in a fresh schema. */
@Tag("postgres")
class PostgresInventoryUpsertTest extends InventoryUpsertSuite {

    private final PostgresSchemas schemas = new PostgresSchemas();

    @Override
    String url() {
        return schemas.url();
    }

    @Override
    String user() {
        return PostgresSchemas.USER;
    }

    @Override
    String vendor() {
        return "postgresql";
    }

    @AfterEach
    void dropSchemas() {
        schemas.dropAll();
    }
}
