package cloud.consolesensei.coverage;

import cloud.consolesensei.aws.ErrorClass;

import java.util.Collection;
import java.util.function.Consumer;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Coverage gaps of each run (JDBC). A gap is written at once, outside the chunk transaction, so a
 * failed chunk cannot lose it; recording the same (account, region, service, operation, class)
 * again merges the messages (narrower gaps, e.g. one per bucket, are listed together).
 */
@Repository
public class CoverageStore {

    private static final int MAX_MESSAGE = 30_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;

    public CoverageStore(JdbcTemplate jdbc, PlatformTransactionManager tx) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(tx);
        // a gap is committed on its own, whatever happens to the chunk that met it
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A sink that records gaps of {@code runId}. */
    public CoverageSink sink(String runId) {
        return gap -> record(runId, gap);
    }

    /** Records (or merges) one gap. */
    public synchronized void record(String runId, CoverageGap g) {
        own.executeWithoutResult(status -> write(runId, g));
    }

    private void write(String runId, CoverageGap g) {
        Object[] key = {runId, g.accountId(), g.region(), g.service(), g.operation(), g.errorClass().name()};
        String existing = jdbc.query("SELECT message FROM coverage_gap WHERE run_id = ? AND account_id = ? AND region = ?"
                + " AND service = ? AND operation = ? AND error_class = ?", rs -> rs.next() ? rs.getString(1) : null, key);
        if (existing == null) {
            try {
                jdbc.update("INSERT INTO coverage_gap (run_id, account_id, region, service, operation, error_class, message, info)"
                                + " VALUES (?,?,?,?,?,?,?,?)", runId, g.accountId(), g.region(), g.service(), g.operation(),
                        g.errorClass().name(), clip(g.message()), g.info());
                return;
            } catch (DuplicateKeyException raced) {
                existing = "";
            }
        }
        if (existing.contains(g.message())) return;
        String merged = existing.isEmpty() ? g.message() : existing + "; " + g.message();
        jdbc.update("UPDATE coverage_gap SET message = ? WHERE run_id = ? AND account_id = ? AND region = ?"
                + " AND service = ? AND operation = ? AND error_class = ?", clip(merged), key[0], key[1], key[2], key[3], key[4], key[5]);
    }

    /** Streams the gaps of {@code runId} for {@code accountIds}, ordered by account, region, service, operation. */
    public void forEach(String runId, Collection<String> accountIds, Consumer<CoverageGap> consumer) {
        if (accountIds.isEmpty()) return;
        new NamedParameterJdbcTemplate(jdbc).query("SELECT * FROM coverage_gap WHERE run_id = :run AND account_id IN (:a)"
                        + " ORDER BY account_id, region, service, operation, error_class",
                new MapSqlParameterSource("run", runId).addValue("a", accountIds),
                rs -> {
                    consumer.accept(new CoverageGap(rs.getString("account_id"), rs.getString("region"), rs.getString("service"),
                            rs.getString("operation"), ErrorClass.valueOf(rs.getString("error_class")),
                            rs.getString("message"), rs.getBoolean("info")));
                });
    }

    /** Number of gaps of {@code runId} that are not informational (they make the run exit 3). */
    public int countBlocking(String runId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM coverage_gap WHERE run_id = ? AND info = FALSE", Integer.class, runId);
        return n == null ? 0 : n;
    }

    private static String clip(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + " [...]";
    }
}
