package cloud.consolesensei.run;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one owner of the runs table ({@code audit_run}: one row per run, i.e. per Spring Batch job
 * instance) and of a run's accounts as rows: {@code run_selection} (the accounts a run was asked
 * for, written before its job starts, read by the job through its run id) and {@code run_account}
 * (the accounts its plan audited, indexed by account). No other class reads or writes these tables.
 *
 * <p>Every read is one query whatever the number of accounts (no {@code LIKE '%id%'}, no query per
 * account); id lists go to the database in slices of {@value #SLICE} bind values, well under
 * PostgreSQL's 32,767.
 */
@Repository
public class AuditRuns {

    /** Bind values per IN list or batch. */
    static final int SLICE = 1000;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public AuditRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * One run as listed.
     *
     * @param runId     the run id ({@code run.id} job parameter)
     * @param scope     its report scope (file names), see {@code ReportScope}
     * @param asOf      its as-of date
     * @param accounts  how many accounts its plan audited (0 before its plan step)
     * @param firstIds  up to {@code show} of its account ids, sorted
     */
    public record Listed(String runId, String scope, LocalDate asOf, int accounts, List<String> firstIds) {
    }

    /**
     * Stores the accounts a run was asked for, before its job starts (replacing any stored for it).
     * An empty selection means every account and stores nothing.
     */
    @Transactional
    public void select(String runId, Collection<String> accountIds) {
        jdbc.update("DELETE FROM run_selection WHERE run_id = ?", runId);
        batchInsert("INSERT INTO run_selection (run_id, account_id) VALUES (?, ?)", runId, new LinkedHashSet<>(accountIds));
    }

    /** The accounts a run was asked for, sorted; empty = every account. */
    public List<String> selection(String runId) {
        return jdbc.queryForList("SELECT account_id FROM run_selection WHERE run_id = ? ORDER BY account_id",
                String.class, runId);
    }

    /**
     * Records a run's plan: its row in {@code audit_run} (created on the first call, kept on a
     * restart, whose start time stays the run's) and the accounts it audits, replacing those of an
     * earlier plan of the same run.
     *
     * @param scope    the report scope (at most 512 characters)
     * @param asOf     the as-of date (UTC)
     * @param demo     demo estate
     * @param accounts every planned account (reachable or not)
     */
    @Transactional
    public void planned(String runId, String scope, LocalDate asOf, boolean demo, Collection<String> accounts) {
        int n = jdbc.update("UPDATE audit_run SET scope = ? WHERE run_id = ?", scope, runId);
        if (n == 0) {
            jdbc.update("INSERT INTO audit_run (run_id, scope, as_of, demo, started_at, status) VALUES (?,?,?,?,?,'STARTED')",
                    runId, scope, Date.valueOf(asOf), demo, Timestamp.from(Instant.now()));
        }
        jdbc.update("DELETE FROM run_account WHERE run_id = ?", runId);
        batchInsert("INSERT INTO run_account (run_id, account_id) VALUES (?, ?)", runId, new LinkedHashSet<>(accounts));
    }

    /** A run's execution (first or restarted) began: until it ends, the run counts as running. */
    public void executing(String runId) {
        jdbc.update("UPDATE audit_run SET finished_at = NULL, status = 'STARTED' WHERE run_id = ?", runId);
    }

    /** A run's execution ended with {@code status} (a Spring Batch {@code BatchStatus} name). */
    public void ended(String runId, String status) {
        jdbc.update("UPDATE audit_run SET finished_at = ?, status = ? WHERE run_id = ?",
                Timestamp.from(Instant.now()), status, runId);
    }

    /** The accounts a run's plan audited, sorted. */
    public List<String> accounts(String runId) {
        return jdbc.queryForList("SELECT account_id FROM run_account WHERE run_id = ? ORDER BY account_id",
                String.class, runId);
    }

    /** The run of {@code scope} that started last before {@code runId}. */
    public Optional<String> previousOfScope(String runId, String scope) {
        return first("SELECT run_id FROM audit_run WHERE scope = ? AND run_id <> ?"
                + " AND started_at < (SELECT started_at FROM audit_run WHERE run_id = ?)"
                + " ORDER BY started_at DESC FETCH FIRST 1 ROWS ONLY", scope, runId, runId);
    }

    /**
     * The run that started last before {@code runId} and wrote the account's own scope (its id): a
     * run of that account alone, or an {@code all} run (which writes each account's own reports);
     * never a region-limited or several-account run.
     */
    public Optional<String> previousOfAccount(String runId, String accountId) {
        return first("SELECT r.run_id FROM run_account a JOIN audit_run r ON r.run_id = a.run_id"
                + " WHERE a.account_id = ? AND r.scope IN (?, 'all') AND r.run_id <> ?"
                + " AND r.started_at < (SELECT started_at FROM audit_run WHERE run_id = ?)"
                + " ORDER BY r.started_at DESC FETCH FIRST 1 ROWS ONLY", accountId, accountId, runId, runId);
    }

    /** The run that started last and audited {@code accountId} (the web console's accounts page). */
    public Optional<String> latestOfAccount(String accountId) {
        return first("SELECT r.run_id FROM run_account a JOIN audit_run r ON r.run_id = a.run_id"
                + " WHERE a.account_id = ? ORDER BY r.started_at DESC FETCH FIRST 1 ROWS ONLY", accountId);
    }

    /** The run that ended last, whatever its status (the coverage gaps metric). */
    public Optional<String> latestEnded() {
        return first("SELECT run_id FROM audit_run WHERE finished_at IS NOT NULL ORDER BY finished_at DESC"
                + " FETCH FIRST 1 ROWS ONLY");
    }

    /**
     * The latest as-of date of a COMPLETED run other than {@code exceptRunId} (null: none excepted)
     * that audited any of {@code accountIds}: the findings history only moves forward from it.
     */
    public Optional<LocalDate> latestCompletedAsOf(Collection<String> accountIds, String exceptRunId) {
        LocalDate latest = null;
        for (List<String> slice : slices(accountIds)) {
            MapSqlParameterSource p = new MapSqlParameterSource("ids", slice).addValue("except", exceptRunId == null ? "" : exceptRunId);
            Date d = named.queryForObject("SELECT MAX(r.as_of) FROM audit_run r WHERE r.status = 'COMPLETED'"
                    + " AND r.run_id <> :except AND EXISTS (SELECT 1 FROM run_account a WHERE a.run_id = r.run_id"
                    + " AND a.account_id IN (:ids))", p, Date.class);
            if (d != null && (latest == null || d.toLocalDate().isAfter(latest))) latest = d.toLocalDate();
        }
        return Optional.ofNullable(latest);
    }

    /**
     * The last {@code limit} runs up to and including {@code runId}, newest first, with their as-of
     * dates: the runs of {@code scope}; for one account's own scope (its id), also the {@code all}
     * runs that audited it.
     */
    public Map<String, LocalDate> lastRuns(String scope, String runId, int limit) {
        boolean all = !scope.matches("\\d{12}");
        Map<String, LocalDate> out = new LinkedHashMap<>();
        jdbc.query("SELECT r.run_id, r.as_of FROM audit_run r WHERE "
                + (all ? "r.scope = ?" : "r.scope IN (?, 'all') AND EXISTS (SELECT 1 FROM run_account a"
                        + " WHERE a.run_id = r.run_id AND a.account_id = ?)")
                + " AND r.started_at <= (SELECT started_at FROM audit_run WHERE run_id = ?)"
                + " ORDER BY r.started_at DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", rs -> {
                    out.put(rs.getString(1), rs.getDate(2).toLocalDate());
                }, all ? new Object[] {scope, runId} : new Object[] {scope, scope, runId});
        return out;
    }

    /**
     * Runs other than {@code runId} that may have written findings since {@code runId} started:
     * started since, still running (or killed), or finished since.
     */
    public List<String> overlapping(String runId) {
        return jdbc.queryForList("SELECT o.run_id FROM audit_run o, audit_run r WHERE r.run_id = ?"
                + " AND o.run_id <> r.run_id AND (o.finished_at IS NULL OR o.finished_at >= r.started_at"
                + " OR o.started_at >= r.started_at)", String.class, runId);
    }

    /**
     * Runs as a listing shows them, in the order of {@code runIds}: scope, as-of, how many accounts
     * and the first {@code show} account ids. Two queries whatever the number of runs and accounts.
     */
    public Map<String, Listed> listed(List<String> runIds, int show) {
        Map<String, Listed> out = new LinkedHashMap<>();
        if (runIds.isEmpty()) return out;
        MapSqlParameterSource p = new MapSqlParameterSource("runs", runIds);
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, List<String>> first = new LinkedHashMap<>();
        named.query("SELECT run_id, account_id, c FROM (SELECT run_id, account_id, ROW_NUMBER() OVER"
                + " (PARTITION BY run_id ORDER BY account_id) AS n, COUNT(*) OVER (PARTITION BY run_id) AS c"
                + " FROM run_account WHERE run_id IN (:runs)) x WHERE n <= " + Math.max(1, show)
                + " ORDER BY run_id, account_id", p, rs -> {
                    first.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    counts.put(rs.getString(1), rs.getInt(3));
                });
        Map<String, Listed> byId = new LinkedHashMap<>();
        named.query("SELECT run_id, scope, as_of FROM audit_run WHERE run_id IN (:runs)", p, rs -> {
            String id = rs.getString(1);
            List<String> ids = first.getOrDefault(id, List.of());
            byId.put(id, new Listed(id, rs.getString(2), rs.getDate(3).toLocalDate(), counts.getOrDefault(id, 0),
                    ids.subList(0, Math.min(show, ids.size()))));
        });
        for (String id : runIds) if (byId.containsKey(id)) out.put(id, byId.get(id));
        return out;
    }

    private void batchInsert(String sql, String runId, Collection<String> ids) {
        for (List<String> slice : slices(ids)) {
            jdbc.batchUpdate(sql, slice.stream().map(a -> new Object[] {runId, a}).toList());
        }
    }

    private static List<List<String>> slices(Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += SLICE) out.add(all.subList(i, Math.min(all.size(), i + SLICE)));
        return out;
    }

    private Optional<String> first(String sql, Object... args) {
        return jdbc.query(sql, rs -> rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty(), args);
    }
}
