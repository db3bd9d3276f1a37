package cloud.consolesensei.cli;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.Cli;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database that cannot be used is named, in one line, with what to do (exit 1). Before: the
 * driver's "Connection refused" without the database's name, and H2's "The file is locked".
 */
class DatabaseErrorsTest {

    @TempDir
    Path dir;

    @Test
    void aDatabaseServerThatIsDownIsNamedWithoutItsPassword() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/test?user=audit&password=hunter2";
        Cli.Result r = Cli.jdbc(dir, url, "audit", "").cli("runs");
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(errors(r.out() + r.err())).containsExactly("error: the database jdbc:postgresql://127.0.0.1:" + port
                + "/test?user=audit&password=*** cannot be reached: Connection refused (spring.datasource.url):"
                + " check that the database server is running and reachable from here");
        assertThat(r.out() + r.err()).doesNotContain("hunter2");
    }

    /** A user-set H2 URL without AUTO_SERVER while another process has the database open. */
    @Test
    void anEmbeddedDatabaseHeldByAnotherProcessSaysWhichFolderAndWhatToDo() throws Exception {
        Cli cli = Cli.h2(dir, "", false);
        try (Connection held = DriverManager.getConnection(cli.url(), "sa", "")) {
            Path log = dir.resolve("child.log");
            Process child = cli.start(Map.of(), log, "runs");
            assertThat(child.waitFor(180, TimeUnit.SECONDS)).isTrue();
            String out = Files.readString(log);
            assertThat(child.exitValue()).as(out).isEqualTo(1);
            assertThat(errors(out)).containsExactly("error: the database folder " + dir.resolve("db")
                    + " is in use by another process (H2: the file is locked; " + cli.url() + "): stop that process (e.g. `serve`),"
                    + " or let processes share it by keeping ;AUTO_SERVER=TRUE in spring.datasource.url (the default URL has it)");
            assertThat(held.isValid(1)).isTrue();
        }
    }

    private static List<String> errors(String out) {
        return Arrays.stream(out.split("\n")).filter(l -> l.startsWith("error:")).toList();
    }
}
