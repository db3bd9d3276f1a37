package cloud.consolesensei.lock;

import cloud.consolesensei.testkit.Cli;

import java.nio.file.Path;

/** {@link AccountLocksSuite} on an H2 file database shared by two contexts. */
class H2AccountLocksTest extends AccountLocksSuite {

    @Override
    Cli cli(Path dir) throws Exception {
        return Cli.h2(dir, "", true);
    }
}
