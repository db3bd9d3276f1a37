package cloud.consolesensei.lock;

import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.PostgresSchemas;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;

/** {@link AccountLocksSuite} on real PostgreSQL (profile {@code postgres}), in a fresh schema. */
@Tag("postgres")
class PostgresAccountLocksTest extends AccountLocksSuite {

    private final PostgresSchemas schemas = new PostgresSchemas();

    @Override
    Cli cli(Path dir) throws Exception {
        return schemas.cli(dir, "");
    }

    @AfterEach
    void dropSchemas() {
        schemas.dropAll();
    }
}
