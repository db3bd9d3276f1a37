package cloud.consolesensei.web;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the process running a job execution is alive: one this process launched and that has not
 * ended, or one whose job repository row was updated within the last {@link #SILENT} (a running
 * execution updates it at every chunk).
 */
@ConditionalOnWebApplication
@Component
public class Liveness {

    /** How long a running execution may stay silent before it is taken for dead. */
    static final Duration SILENT = Duration.ofSeconds(60);

    private final JdbcTemplate jdbc;
    private final Set<Long> local = ConcurrentHashMap.newKeySet();

    public Liveness(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks an execution this process runs (until {@link #ended}). */
    void running(long executionId) {
        local.add(executionId);
    }

    /** The execution this process ran has ended. */
    void ended(long executionId) {
        local.remove(executionId);
    }

    /** True while the execution's process is alive. */
    public boolean isAlive(long executionId) {
        if (local.contains(executionId)) return true;
        Timestamp t = jdbc.query("SELECT LAST_UPDATED FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ? AND END_TIME IS NULL",
                rs -> rs.next() ? rs.getTimestamp(1) : null, executionId);
        return t != null && t.toInstant().isAfter(Instant.now().minus(SILENT));
    }
}
