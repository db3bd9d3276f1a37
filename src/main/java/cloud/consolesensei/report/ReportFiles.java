package cloud.consolesensei.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Which files each job execution wrote (table {@code report_file}) and which of them are still its
 * own. A run replaces only files of its own scope and as-of (README, "Outputs"):
 * when a later execution writes the same path, the file becomes that execution's, and the earlier
 * one's entry is {@link State#REPLACED}; a file retention (or a person) deleted is
 * {@link State#DELETED}. Nothing is guessed from file names: only what an execution recorded is
 * ever served for it.
 */
@Repository
public class ReportFiles {

    /** Whether an execution's file can still be served as that execution's. */
    public enum State {
        /** The file is there and no later execution wrote it. */
        OWN,
        /** A later execution wrote the same path. */
        REPLACED,
        /** The file is gone (retention, or removed by hand). */
        DELETED
    }

    /**
     * One file an execution wrote.
     *
     * @param executionId the job execution that wrote it
     * @param name        its file name ({@code consolesensei-all-2026-12-05.xlsx})
     * @param path        its absolute path
     * @param state       whether it is still that execution's
     */
    public record ReportFile(long executionId, String name, Path path, State state) {
    }

    private final JdbcTemplate jdbc;

    public ReportFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that {@code executionId} wrote {@code files} (absolute paths are stored); idempotent. */
    public void record(long executionId, List<Path> files) {
        Timestamp now = Timestamp.from(Instant.now());
        Map<String, Path> byName = new LinkedHashMap<>();
        for (Path f : files) byName.put(f.getFileName().toString(), f.toAbsolutePath().normalize());
        jdbc.update("DELETE FROM report_file WHERE execution_id = ?", executionId);
        List<Object[]> rows = new ArrayList<>();
        byName.forEach((name, path) -> rows.add(new Object[] {executionId, name, path.toString(), now}));
        jdbc.batchUpdate("INSERT INTO report_file (execution_id, name, path, written_at) VALUES (?,?,?,?)", rows);
    }

    /** The files {@code executionId} wrote, in the order it wrote them, each with its state. */
    public List<ReportFile> of(long executionId) {
        return jdbc.query("SELECT r.name, r.path, (SELECT COUNT(*) FROM report_file o WHERE o.name = r.name"
                        + " AND o.path = r.path AND o.execution_id <> r.execution_id AND (o.written_at > r.written_at"
                        + " OR (o.written_at = r.written_at AND o.execution_id > r.execution_id))) AS later"
                        + " FROM report_file r WHERE r.execution_id = ? ORDER BY r.written_at, r.name",
                (rs, n) -> file(executionId, rs.getString("name"), rs.getString("path"), rs.getLong("later")), executionId);
    }

    /** The file named {@code name} that {@code executionId} wrote, if it wrote one of that exact name. */
    public Optional<ReportFile> find(long executionId, String name) {
        return of(executionId).stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private static ReportFile file(long executionId, String name, String path, long later) {
        Path p = Path.of(path);
        State state = later > 0 ? State.REPLACED : Files.isRegularFile(p) ? State.OWN : State.DELETED;
        return new ReportFile(executionId, name, p, state);
    }
}
