package cloud.consolesensei.finding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Read side of the findings history ({@code audit_run} + {@code run_finding}): per-run counts, the
 * previous run of a scope and the trend of the last runs. Every query is an aggregate (GROUP BY,
 * or a bounded number of rows), so memory does not grow with the number of findings.
 * <p>
 * Counts and money exclude SUPPRESSED findings (muted) and RESOLVED ones (no longer there).
 */
@Repository
public class RunHistory {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public RunHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * A run's figures for some accounts.
     *
     * @param bySeverity seen findings (NEW or OPEN) by severity; every severity present, 0 when none
     * @param newCount   NEW findings (first seen, or reopened, in this run)
     * @param resolved   findings RESOLVED by this run
     * @param suppressed SUPPRESSED findings (muted: not in the other figures)
     * @param atStake    money at stake of the seen findings, USD per month, each resource counted once
     *                   at its largest figure
     */
    public record Counts(Map<Severity, Integer> bySeverity, int newCount, int resolved, int suppressed,
                         BigDecimal atStake) {

        /** Seen findings, all severities. */
        public int total() {
            return bySeverity.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Count of one severity. */
        public int of(Severity s) {
            return bySeverity.getOrDefault(s, 0);
        }
    }

    /**
     * One point of the trend.
     *
     * @param runId  the run
     * @param asOf   its as-of date (UTC)
     * @param counts its figures
     */
    public record TrendPoint(String runId, LocalDate asOf, Counts counts) {
    }

    /** Figures of {@code runId} for {@code accountIds}. */
    public Counts counts(String runId, Collection<String> accountIds) {
        if (accountIds.isEmpty()) return empty();
        return countsOf(List.of(runId), accountIds).getOrDefault(runId, empty());
    }

    /**
     * The run of the same scope ({@code all} or an account ID, as {@code audit_run.scope}) that started
     * last before {@code runId}.
     */
    public Optional<String> previousRun(String runId, String scope) {
        return first("SELECT run_id FROM audit_run WHERE scope = ? AND run_id <> ?"
                + " AND started_at < (SELECT started_at FROM audit_run WHERE run_id = ?)"
                + " ORDER BY started_at DESC FETCH FIRST 1 ROWS ONLY", scope, runId, runId);
    }

    /** The last run before {@code runId} that audited {@code accountId}, whatever its scope. */
    public Optional<String> previousRunOfAccount(String runId, String accountId) {
        return first("SELECT run_id FROM audit_run WHERE run_id <> ? AND accounts LIKE ?"
                + " AND started_at < (SELECT started_at FROM audit_run WHERE run_id = ?)"
                + " ORDER BY started_at DESC FETCH FIRST 1 ROWS ONLY", runId, "%" + accountId + "%", runId);
    }

    /**
     * The latest as-of date of a finished earlier run that audited any of {@code accountIds}, if any:
     * the findings history only moves forward from it.
     */
    public Optional<LocalDate> latestAsOf(Collection<String> accountIds) {
        LocalDate latest = null;
        for (String id : accountIds) {
            java.sql.Date d = jdbc.queryForObject("SELECT MAX(as_of) FROM audit_run WHERE finished_at IS NOT NULL"
                    + " AND accounts LIKE ?", java.sql.Date.class, "%" + id + "%");
            if (d != null && (latest == null || d.toLocalDate().isAfter(latest))) latest = d.toLocalDate();
        }
        return Optional.ofNullable(latest);
    }

    /**
     * The trend of a scope: its last {@code limit} runs up to and including {@code runId}, oldest
     * first, each with its figures. Scope {@code all}: the runs of scope {@code all} (audit_run.scope),
     * all their accounts. Scope = an account ID: the runs that audited that account (one-account runs
     * and all-accounts runs alike), counting that account's findings only.
     */
    public List<TrendPoint> trend(String scope, String runId, int limit) {
        boolean all = "all".equals(scope);
        List<Map<String, Object>> runs = jdbc.queryForList("SELECT run_id, as_of FROM audit_run WHERE "
                + (all ? "scope = ?" : "accounts LIKE ?")
                + " AND started_at <= (SELECT started_at FROM audit_run WHERE run_id = ?)"
                + " ORDER BY started_at DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
                all ? scope : "%" + scope + "%", runId);
        if (runs.isEmpty()) return List.of();
        List<String> ids = runs.stream().map(r -> (String) r.get("run_id")).toList();
        Map<String, Counts> counts = countsOf(ids, all ? null : List.of(scope));
        List<TrendPoint> out = new ArrayList<>();
        for (int i = runs.size() - 1; i >= 0; i--) {
            Map<String, Object> r = runs.get(i);
            String id = (String) r.get("run_id");
            out.add(new TrendPoint(id, ((java.sql.Date) r.get("as_of")).toLocalDate(), counts.getOrDefault(id, empty())));
        }
        return out;
    }

    private Map<String, Counts> countsOf(List<String> runIds, Collection<String> accountIds) {
        MapSqlParameterSource p = new MapSqlParameterSource("runs", runIds);
        String where = "run_id IN (:runs)";
        if (accountIds != null) {
            where += " AND account_id IN (:accounts)";
            p.addValue("accounts", accountIds);
        }
        Map<String, Map<Severity, Integer>> sev = new LinkedHashMap<>();
        Map<String, int[]> other = new LinkedHashMap<>();
        Map<String, BigDecimal> usd = new LinkedHashMap<>();
        // Money at stake counts each resource once, at its largest figure: an old snapshot that is
        // also orphaned, or an unattached gp2 volume, is one sum of money, not two.
        named.query("SELECT run_id, SUM(m) AS usd FROM (SELECT r.run_id, f.account_id, f.region, f.resource_id,"
                + " MAX(r.monthly_cost_usd) AS m FROM run_finding r JOIN finding f ON f.fingerprint = r.fingerprint"
                + " WHERE r." + where.replace(" AND account_id", " AND r.account_id")
                + " AND r.status IN ('NEW', 'OPEN') AND r.monthly_cost_usd IS NOT NULL"
                + " GROUP BY r.run_id, f.account_id, f.region, f.resource_id) x GROUP BY run_id", p, rs -> {
            usd.put(rs.getString("run_id"), rs.getBigDecimal("usd"));
        });
        named.query("SELECT run_id, severity, status, COUNT(*) AS n FROM run_finding WHERE "
                + where + " GROUP BY run_id, severity, status", p, rs -> {
            String run = rs.getString("run_id");
            int n = rs.getInt("n");
            int[] o = other.computeIfAbsent(run, k -> new int[3]);
            switch (FindingStatus.valueOf(rs.getString("status"))) {
                case RESOLVED -> o[1] += n;
                case SUPPRESSED -> o[2] += n;
                case NEW, OPEN -> {
                    if ("NEW".equals(rs.getString("status"))) o[0] += n;
                    sev.computeIfAbsent(run, k -> zeros()).merge(Severity.valueOf(rs.getString("severity")), n, Integer::sum);
                }
            }
        });
        Map<String, Counts> out = new LinkedHashMap<>();
        for (String run : runIds) {
            int[] o = other.getOrDefault(run, new int[3]);
            out.put(run, new Counts(sev.getOrDefault(run, zeros()), o[0], o[1], o[2],
                    usd.getOrDefault(run, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP)));
        }
        return out;
    }

    private Optional<String> first(String sql, Object... args) {
        return jdbc.query(sql, rs -> rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty(), args);
    }

    private static Counts empty() {
        return new Counts(zeros(), 0, 0, 0, BigDecimal.ZERO.setScale(2));
    }

    private static Map<Severity, Integer> zeros() {
        Map<Severity, Integer> m = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) m.put(s, 0);
        return m;
    }
}
