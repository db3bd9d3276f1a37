package cloud.consolesensei.finding;

import cloud.consolesensei.check.CheckCatalog;
import cloud.consolesensei.check.MoneyKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Groups a run's findings history ({@code run_finding}) into {@link RunCounts}: two aggregate
 * queries (money, then counts by severity and status), so memory does not grow with the number of
 * findings. Counts and money exclude SUPPRESSED findings (muted) and RESOLVED ones (no longer there).
 * Money is two sums that are never added (docs/checks.md, "Savings and cost alerts"): savings and
 * cost alerts, each from the checks the {@link CheckCatalog} declares of that {@link MoneyKind}.
 * This is the one place they are computed.
 */
@Component
class FindingTally {

    private final NamedParameterJdbcTemplate named;
    private final CheckCatalog catalog;

    FindingTally(JdbcTemplate jdbc, CheckCatalog catalog) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.catalog = catalog;
    }

    /** Figures of each run of {@code runIds} (every one present, zeros when it has no findings). */
    Map<String, RunCounts> byRun(List<String> runIds, Collection<String> accountIds) {
        Map<String, RunCounts> out = new LinkedHashMap<>();
        grouped(runIds, accountIds, true).forEach((key, c) -> out.put(key.get(0), c));
        return out;
    }

    /** Figures of one run per account of {@code accountIds} that has findings in it. */
    Map<String, RunCounts> byAccount(String runId, Collection<String> accountIds) {
        Map<String, RunCounts> out = new LinkedHashMap<>();
        grouped(List.of(runId), accountIds, false).forEach((key, c) -> out.put(key.get(1), c));
        return out;
    }

    private static List<String> key(ResultSet rs, boolean byRun) throws SQLException {
        return byRun ? List.of(rs.getString("run_id")) : List.of(rs.getString("run_id"), rs.getString("account_id"));
    }

    /**
     * Counts keyed by [run] ({@code byRun}) or [run, account], from run_finding alone: it carries the
     * severity, status, cost, region and resource ID each figure needs. {@code accountIds} null: all.
     */
    private Map<List<String>, RunCounts> grouped(List<String> runIds, Collection<String> accountIds, boolean byRun) {
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
                    sev.computeIfAbsent(k, x -> RunCounts.zeros()).merge(Severity.valueOf(rs.getString("severity")), n, Integer::sum);
                }
            }
        });
        Map<List<String>, RunCounts> out = new LinkedHashMap<>();
        Set<List<String>> keys = new LinkedHashSet<>(other.keySet());
        keys.addAll(usd.keySet());
        if (byRun) runIds.forEach(r -> keys.add(List.of(r)));
        for (List<String> k : keys) {
            int[] o = other.getOrDefault(k, new int[3]);
            BigDecimal[] two = usd.getOrDefault(k, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            out.put(k, new RunCounts(sev.getOrDefault(k, RunCounts.zeros()), o[0], o[1], o[2],
                    two[0].setScale(2, RoundingMode.HALF_UP), two[1].setScale(2, RoundingMode.HALF_UP)));
        }
        return out;
    }

    /** An IN list SQL accepts when no check is of a kind (no check id is empty). */
    private static List<String> orNone(List<String> ids) {
        return ids.isEmpty() ? List.of("") : ids;
    }
}
