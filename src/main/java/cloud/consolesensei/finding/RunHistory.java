package cloud.consolesensei.finding;

import cloud.consolesensei.check.CheckCatalog;
import cloud.consolesensei.check.MoneyKind;
import cloud.consolesensei.run.AuditRuns;

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
 * Read side of the findings history ({@code run_finding}; the runs themselves through {@link AuditRuns}): per-run counts, the
 * previous run of a scope and the trend of the last runs. Every query is an aggregate (GROUP BY,
 * or a bounded number of rows), so memory does not grow with the number of findings.
 * <p>
 * Counts and money exclude SUPPRESSED findings (muted) and RESOLVED ones (no longer there). Money is
 * two sums that are never added (checks.md, "Savings and cost alerts"): savings and cost alerts, each
 * from the checks the {@link CheckCatalog} declares of that {@link MoneyKind}. This is the one place
 * they are computed; the Summary sheet, the email and the API read them from here.
 */
@Repository
public class RunHistory {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final CheckCatalog catalog;
    private final AuditRuns runs;

    public RunHistory(JdbcTemplate jdbc, CheckCatalog catalog, AuditRuns runs) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.catalog = catalog;
    }

    /**
     * A run's figures for some accounts.
     *
     * @param bySeverity seen findings (NEW or OPEN) by severity; every severity present, 0 when none
     * @param newCount   NEW findings (first seen, or reopened, in this run)
     * @param resolved   findings RESOLVED by this run
     * @param suppressed SUPPRESSED findings (muted: not in the other figures)
     * @param savings    savings of the seen findings ({@link MoneyKind#SAVINGS} checks), USD per month,
     *                   each resource counted once at its largest figure; 2 decimals
     * @param costAlerts cost alerts of the seen findings ({@link MoneyKind#COST_ALERT} checks), USD,
     *                   each resource counted once at its largest figure; 2 decimals; never added to
     *                   {@code savings}
     */
    public record Counts(Map<Severity, Integer> bySeverity, int newCount, int resolved, int suppressed,
                         BigDecimal savings, BigDecimal costAlerts) {

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
     * The run of the same scope (as {@code audit_run.scope}: {@code all}, an account ID, or a narrower
     * scope of ids and regions) that started last before {@code runId}.
     */
    public Optional<String> previousRun(String runId, String scope) {
        return runs.previousOfScope(runId, scope);
    }

    /** The last run before {@code runId} that audited {@code accountId}, whatever its scope. */
    public Optional<String> previousRunOfAccount(String runId, String accountId) {
        return runs.previousOfAccount(runId, accountId);
    }

    /**
     * The latest as-of date of a completed earlier run that audited any of {@code accountIds}, if
     * any: the findings history only moves forward from it.
     */
    public Optional<LocalDate> latestAsOf(Collection<String> accountIds) {
        return runs.latestCompletedAsOf(accountIds, null);
    }

    /**
     * The trend of a scope: its last {@code limit} runs up to and including {@code runId}, oldest
     * first, each with its figures. Scope {@code all}: the runs of scope {@code all} (audit_run.scope),
     * all their accounts. Scope = an account ID: the runs that audited that account (one-account runs
     * and all-accounts runs alike), counting that account's findings only.
     */
    public List<TrendPoint> trend(String scope, String runId, int limit) {
        // one account's own scope counts that account's findings (an all run holds others too)
        boolean all = !scope.matches("\\d{12}");
        Map<String, LocalDate> last = runs.lastRuns(scope, runId, limit);
        if (last.isEmpty()) return List.of();
        List<String> ids = new ArrayList<>(last.keySet());
        Map<String, Counts> counts = countsOf(ids, all ? null : List.of(scope));
        List<TrendPoint> out = new ArrayList<>();
        for (int i = ids.size() - 1; i >= 0; i--) {
            String id = ids.get(i);
            out.add(new TrendPoint(id, last.get(id), counts.getOrDefault(id, empty())));
        }
        return out;
    }

    private Map<String, Counts> countsOf(List<String> runIds, Collection<String> accountIds) {
        Map<String, Map<String, Counts>> stored = stored(runIds, accountIds);
        List<String> missing = runIds.stream().filter(r -> !stored.containsKey(r)).toList();
        Map<String, Counts> out = new LinkedHashMap<>();
        if (!missing.isEmpty()) grouped(missing, accountIds, true).forEach((key, c) -> out.put(key.get(0), c));
        stored.forEach((run, byAccount) -> out.put(run, sum(byAccount.values())));
        return out;
    }

    /**
     * Figures of {@code runId} per account of {@code accountIds}; an account without findings maps to
     * zeros. Read from the run's stored figures ({@link #storeTotals}), else grouped from its history
     * in one read (not one per account).
     */
    public Map<String, Counts> countsByAccount(String runId, Collection<String> accountIds) {
        Map<String, Counts> out = new LinkedHashMap<>();
        if (accountIds.isEmpty()) return out;
        Map<String, Counts> stored = stored(List.of(runId), accountIds).get(runId);
        if (stored != null) {
            for (String a : accountIds) out.put(a, stored.getOrDefault(a, empty()));
            return out;
        }
        Map<List<String>, Counts> g = grouped(List.of(runId), accountIds, false);
        for (String a : accountIds) out.put(a, g.getOrDefault(List.of(runId, a), empty()));
        return out;
    }

    /**
     * Stores the figures of {@code runId} for each of {@code accountIds}, replacing any stored before.
     * Called when the run's reconcile step has settled them (nothing changes a run's findings after
     * it), so later reports, emails and trends read them instead of grouping the run's history again.
     */
    public void storeTotals(String runId, Collection<String> accountIds) {
        Map<List<String>, Counts> g = grouped(List.of(runId), accountIds, false);
        jdbc.update("DELETE FROM run_account_total WHERE run_id = ?", runId);
        List<Object[]> rows = new ArrayList<>();
        for (String a : new java.util.LinkedHashSet<>(accountIds)) {
            Counts c = g.getOrDefault(List.of(runId, a), empty());
            rows.add(new Object[] {runId, a, c.of(Severity.CRITICAL), c.of(Severity.HIGH), c.of(Severity.MEDIUM),
                    c.of(Severity.LOW), c.of(Severity.INFO), c.newCount(), c.resolved(), c.suppressed(), c.savings(),
                    c.costAlerts()});
        }
        jdbc.batchUpdate("INSERT INTO run_account_total (run_id, account_id, critical, high, medium, low, info, new_count,"
                + " resolved, suppressed, savings_usd, cost_alerts_usd) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows);
    }

    private static List<String> key(java.sql.ResultSet rs, boolean byRun) throws java.sql.SQLException {
        return byRun ? List.of(rs.getString("run_id")) : List.of(rs.getString("run_id"), rs.getString("account_id"));
    }

    /** Stored figures: run to account to counts, for the runs of {@code runIds} that have them. */
    private Map<String, Map<String, Counts>> stored(List<String> runIds, Collection<String> accountIds) {
        Map<String, Map<String, Counts>> out = new LinkedHashMap<>();
        MapSqlParameterSource p = new MapSqlParameterSource("runs", runIds);
        named.query("SELECT DISTINCT run_id FROM run_account_total WHERE run_id IN (:runs)", p, rs -> {
            out.put(rs.getString(1), new LinkedHashMap<>());
        });
        if (out.isEmpty()) return out;
        String where = "run_id IN (:runs)";
        if (accountIds != null) {
            where += " AND account_id IN (:accounts)";
            p.addValue("accounts", accountIds);
        }
        named.query("SELECT * FROM run_account_total WHERE " + where, p, rs -> {
            Map<Severity, Integer> sev = new EnumMap<>(Severity.class);
            for (Severity s : Severity.values()) sev.put(s, rs.getInt(s.name().toLowerCase(java.util.Locale.ROOT)));
            out.get(rs.getString("run_id")).put(rs.getString("account_id"), new Counts(sev, rs.getInt("new_count"),
                    rs.getInt("resolved"), rs.getInt("suppressed"),
                    rs.getBigDecimal("savings_usd").setScale(2, RoundingMode.HALF_UP),
                    rs.getBigDecimal("cost_alerts_usd").setScale(2, RoundingMode.HALF_UP)));
        });
        return out;
    }

    private static Counts sum(Collection<Counts> all) {
        Map<Severity, Integer> sev = zeros();
        int fresh = 0;
        int resolved = 0;
        int suppressed = 0;
        BigDecimal savings = BigDecimal.ZERO.setScale(2);
        BigDecimal alerts = BigDecimal.ZERO.setScale(2);
        for (Counts c : all) {
            c.bySeverity().forEach((k, v) -> sev.merge(k, v, Integer::sum));
            fresh += c.newCount();
            resolved += c.resolved();
            suppressed += c.suppressed();
            savings = savings.add(c.savings());
            alerts = alerts.add(c.costAlerts());
        }
        return new Counts(sev, fresh, resolved, suppressed, savings, alerts);
    }

    /**
     * Counts keyed by [run] ({@code byRun}) or [run, account], from run_finding alone: it carries the
     * severity, status, cost, region and resource ID each figure needs.
     */
    private Map<List<String>, Counts> grouped(List<String> runIds, Collection<String> accountIds, boolean byRun) {
        MapSqlParameterSource p = new MapSqlParameterSource("runs", runIds);
        String where = "run_id IN (:runs)";
        if (accountIds != null) {
            where += " AND account_id IN (:accounts)";
            p.addValue("accounts", accountIds);
        }
        Map<List<String>, Map<Severity, Integer>> sev = new LinkedHashMap<>();
        Map<List<String>, int[]> other = new LinkedHashMap<>();
        Map<List<String>, BigDecimal[]> usd = new LinkedHashMap<>();
        // Each sum counts a resource once, at its largest figure: an old snapshot that is also
        // orphaned, or an unattached gp2 volume, is one saving, not two. Savings and cost alerts are
        // grouped apart (the kind is part of every grouping), so no resource's money crosses over.
        p.addValue("savings", orNone(catalog.ids(MoneyKind.SAVINGS)));
        p.addValue("alerts", orNone(catalog.ids(MoneyKind.COST_ALERT)));
        named.query("SELECT run_id, account_id, kind, SUM(m) AS usd FROM (SELECT run_id, account_id, kind, region,"
                + " resource_id, MAX(monthly_cost_usd) AS m FROM (SELECT run_id, account_id, region, resource_id,"
                + " monthly_cost_usd, CASE WHEN check_id IN (:savings) THEN 0 ELSE 1 END AS kind FROM run_finding"
                + " WHERE " + where + " AND status IN ('NEW', 'OPEN') AND monthly_cost_usd IS NOT NULL"
                + " AND (check_id IN (:savings) OR check_id IN (:alerts))) y"
                + " GROUP BY run_id, account_id, kind, region, resource_id) x GROUP BY run_id, account_id, kind", p, rs -> {
            BigDecimal[] two = usd.computeIfAbsent(key(rs, byRun), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            int kind = rs.getInt("kind");
            two[kind] = two[kind].add(rs.getBigDecimal("usd"));
        });
        named.query("SELECT run_id, account_id, severity, status, COUNT(*) AS n FROM run_finding WHERE "
                + where + " GROUP BY run_id, account_id, severity, status", p, rs -> {
            List<String> k = key(rs, byRun);
            int n = rs.getInt("n");
            int[] o = other.computeIfAbsent(k, x -> new int[3]);
            switch (FindingStatus.valueOf(rs.getString("status"))) {
                case RESOLVED -> o[1] += n;
                case SUPPRESSED -> o[2] += n;
                case NEW, OPEN -> {
                    if ("NEW".equals(rs.getString("status"))) o[0] += n;
                    sev.computeIfAbsent(k, x -> zeros()).merge(Severity.valueOf(rs.getString("severity")), n, Integer::sum);
                }
            }
        });
        Map<List<String>, Counts> out = new LinkedHashMap<>();
        java.util.Set<List<String>> keys = new java.util.LinkedHashSet<>(other.keySet());
        keys.addAll(usd.keySet());
        if (byRun) runIds.forEach(r -> keys.add(List.of(r)));
        for (List<String> k : keys) {
            int[] o = other.getOrDefault(k, new int[3]);
            BigDecimal[] two = usd.getOrDefault(k, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            out.put(k, new Counts(sev.getOrDefault(k, zeros()), o[0], o[1], o[2],
                    two[0].setScale(2, RoundingMode.HALF_UP), two[1].setScale(2, RoundingMode.HALF_UP)));
        }
        return out;
    }

    private static Counts empty() {
        return new Counts(zeros(), 0, 0, 0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));
    }

    /** An IN list SQL accepts when no check is of a kind (no check id is empty). */
    private static List<String> orNone(List<String> ids) {
        return ids.isEmpty() ? List.of("") : ids;
    }

    private static Map<Severity, Integer> zeros() {
        Map<Severity, Integer> m = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) m.put(s, 0);
        return m;
    }
}
