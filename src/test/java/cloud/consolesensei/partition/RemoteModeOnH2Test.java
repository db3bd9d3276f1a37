package cloud.consolesensei.partition;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.Fixtures;
import cloud.consolesensei.testkit.JobTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote mode and the {@code worker} command need a database every process shares: on the embedded
 * H2 they are a configuration error (exit 2) naming PostgreSQL, before the broker is even tried
 * and before anything is written.
 */
@JobTest
class RemoteModeOnH2Test {

    @Test
    void remoteRunOnH2IsAConfigurationError(@TempDir Path dir) throws Exception {
        Cli cli = Cli.h2(dir, "consolesensei:\n  partitioning:\n    mode: remote\n", false);

        Cli.Result r = cli.audit(Fixtures.AS_OF);

        assertThat(r.code()).isEqualTo(2);
        assertThat(errors(r)).singleElement().asString()
                .contains("consolesensei.partitioning.mode: remote needs PostgreSQL")
                .contains("spring.datasource.url must be a jdbc:postgresql: URL, not 'jdbc:h2:file:");
        assertThat(cli.reportsDir()).doesNotExist();
        assertThat(Files.exists(dir.resolve("db/consolesensei.mv.db"))).as("no database created").isFalse();
    }

    @Test
    void workerOnH2IsAConfigurationError(@TempDir Path dir) throws Exception {
        Cli cli = Cli.h2(dir, "", false);

        Cli.Result r = cli.cli("worker");

        assertThat(r.code()).isEqualTo(2);
        assertThat(errors(r)).singleElement().asString().contains("worker needs PostgreSQL");
    }

    @Test
    void timeoutMustBePositive(@TempDir Path dir) throws Exception {
        Cli cli = Cli.h2(dir, "consolesensei:\n  partitioning:\n    timeout: 0s\n", false);

        Cli.Result r = cli.audit(Fixtures.AS_OF);

        assertThat(r.code()).isEqualTo(2);
        assertThat(errors(r)).singleElement().asString().contains("consolesensei.partitioning.timeout: 'PT0S' is not allowed");
    }

    private static List<String> errors(Cli.Result r) {
        return r.err().lines().filter(l -> l.startsWith("error:")).toList();
    }
}
