package cloud.consolesensei.job;

import cloud.consolesensei.testkit.Cli;

import java.nio.file.Path;

/** {@link JobSuite} on the embedded H2 file database (the default build). */
class H2JobSuiteTest extends JobSuite {

    @Override
    Cli cli(Path dir, String extraYaml) throws Exception {
        return Cli.h2(dir, extraYaml, false);
    }
}
