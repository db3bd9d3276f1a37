package cloud.consolesensei.run;

import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.PostgresSchemas;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;

/** {@link ManyAccountsSuite} on real PostgreSQL (profile {@code postgres}), in a fresh schema. */
@Tag("postgres")
class PostgresManyAccountsTest extends ManyAccountsSuite {

    private final PostgresSchemas schemas = new PostgresSchemas();

    @Override
    Cli cli(Path dir, String yaml) throws Exception {
        return schemas.cli(dir, yaml);
    }

    @AfterEach
    void dropSchemas() {
        schemas.dropAll();
    }
}
