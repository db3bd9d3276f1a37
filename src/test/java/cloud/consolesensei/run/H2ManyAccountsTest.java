package cloud.consolesensei.run;

import cloud.consolesensei.testkit.Cli;

import java.nio.file.Path;

/** {@link ManyAccountsSuite} on the embedded H2 file database. */
class H2ManyAccountsTest extends ManyAccountsSuite {

    @Override
    Cli cli(Path dir, String yaml) throws Exception {
        return Cli.h2(dir, yaml, true);
    }
}
