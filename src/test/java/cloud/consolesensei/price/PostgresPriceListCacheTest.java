package cloud.consolesensei.price;

import cloud.consolesensei.testkit.PostgresSchemas;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;

/** {@link PriceListCacheSuite} on real PostgreSQL (profile {@code postgres}), in a fresh schema. */
@Tag("postgres")
class PostgresPriceListCacheTest extends PriceListCacheSuite {

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
