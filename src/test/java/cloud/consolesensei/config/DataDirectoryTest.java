package cloud.consolesensei.config;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.Fixtures;
import cloud.consolesensei.testkit.JobTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * {@code consolesensei.data-dir} (issue 16, item 8): the embedded database lives where it says,
 * whatever the working folder; a relative one is resolved against the working folder, a relative
 * {@code reports-dir} against the folder holding the data folder.
 */
@JobTest
class DataDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void aRelativeDataDirIsResolvedAgainstTheWorkingFolderBeforeTheDatabaseUrlReadsIt() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", Map.of(DataDirectory.KEY, "var/data")));
        new DataDirectory().postProcessEnvironment(env, new SpringApplication());
        Path expected = Path.of("var/data").toAbsolutePath().normalize();
        assertThat(env.resolvePlaceholders("jdbc:h2:file:${consolesensei.data-dir:./data}/consolesensei"))
                .isEqualTo("jdbc:h2:file:" + expected + "/consolesensei");
    }

    @Test
    void theNewHistoryNoteKnowsTheEmbeddedDefaultWhateverSettingsFollowItsPath() {
        Path data = dir.resolve("data").toAbsolutePath();
        String base = "jdbc:h2:file:" + data + "/consolesensei";
        assertThat(newHistory(data, base + ";AUTO_SERVER=TRUE")).isEqualTo(data.toString());
        assertThat(newHistory(data, base + ";AUTO_SERVER=TRUE;AUTO_COMPACT_FILL_RATE=20")).isEqualTo(data.toString());
        assertThat(newHistory(data, base)).isEqualTo(data.toString());
        // another database in the same folder, or another folder, is not the embedded default
        assertThat(newHistory(data, base + "2;AUTO_SERVER=TRUE")).isNull();
        assertThat(newHistory(data, "jdbc:h2:file:" + dir.resolve("elsewhere").toAbsolutePath() + "/consolesensei")).isNull();
        assertThat(newHistory(data, "jdbc:postgresql://db/consolesensei")).isNull();
    }

    /** The new-history note DataDirectory sets for {@code dataDir} (no database there yet) and {@code url}, or null. */
    private static String newHistory(Path dataDir, String url) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test",
                Map.of(DataDirectory.KEY, dataDir.toString(), "spring.datasource.url", url)));
        new DataDirectory().postProcessEnvironment(env, new SpringApplication());
        return env.getProperty(DataDirectory.NEW_HISTORY);
    }

    @Test
    void relativeReportsDirFollowsTheDataDir() {
        assertThat(props("/srv/cs/data", "./reports").reportsPath()).isEqualTo(Path.of("/srv/cs/reports"));
        assertThat(props("/srv/cs/data", "/mnt/reports").reportsPath()).isEqualTo(Path.of("/mnt/reports"));
        assertThat(props("./data", "./reports").reportsPath()).isEqualTo(Path.of("reports").toAbsolutePath());
        assertThat(props("./data", "./reports").dataPath()).isEqualTo(Path.of("data").toAbsolutePath());
    }

    @Test
    void aRunStartedInAnotherFolderKeepsItsHistoryInTheDataDir() throws Exception {
        Path home = dir.resolve("home");
        Path elsewhere = dir.resolve("elsewhere");
        Cli cli = Cli.defaultDatabase(elsewhere, "consolesensei.data-dir: \"" + home.resolve("data") + "\"\n");
        Process run = cli.start(Map.of(), elsewhere.resolve("run.log"), "run", "--demo", "--no-email", "--as-of",
                Fixtures.AS_OF.toString());
        assertThat(run.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(elsewhere.resolve("run.log"));
        assertThat(run.exitValue()).as(log).isZero();
        assertThat(home.resolve("data/consolesensei.mv.db")).exists();
        assertThat(elsewhere.resolve("data")).doesNotExist();
        // the first run says it starts a history there; the next one, from another folder, finds it
        assertThat(log).contains("note: no history in " + home.resolve("data") + " yet: this run starts one");
        Path other = dir.resolve("other");
        Cli again = Cli.defaultDatabase(other, "consolesensei.data-dir: \"" + home.resolve("data") + "\"\n");
        Process second = again.start(Map.of(), other.resolve("run.log"), "run", "--demo", "--no-email", "--as-of",
                Fixtures.AS_OF.plusDays(1).toString());
        assertThat(second.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String secondLog = Files.readString(other.resolve("run.log"));
        assertThat(second.exitValue()).as(secondLog).isZero();
        assertThat(secondLog).doesNotContain("note: no history");
        assertThat(other.resolve("data")).doesNotExist();
        // both runs in the one history: the second found the first's as-of date (its previous run)
        Cli history = Cli.jdbc(dir.resolve("query"), "jdbc:h2:file:" + home.resolve("data/consolesensei") + ";AUTO_SERVER=TRUE",
                "sa", "");
        assertThat(history.number("SELECT COUNT(*) FROM audit_run")).isEqualTo(2);
    }

    private static ConsoleSenseiProperties props(String dataDir, String reportsDir) {
        return new ConsoleSenseiProperties(List.of(), null, null, null, List.of(), null, Map.of(), Map.of(), dataDir,
                reportsDir, null, null, null, null);
    }
}
