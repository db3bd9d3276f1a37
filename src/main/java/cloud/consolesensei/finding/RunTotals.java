package cloud.consolesensei.finding;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The one owner of {@code run_account_total}: a run's settled figures per account, written once its
 * reconcile step has settled them (nothing changes a run's findings after it), so later reports,
 * emails and trends read one row per account instead of grouping the run's history again.
 */
@Repository
public class RunTotals {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final FindingTally tally;

    RunTotals(JdbcTemplate jdbc, FindingTally tally) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.tally = tally;
    }

    /**
     * Stores the figures of {@code runId} for each of {@code accountIds} (grouped from its findings
     * history in one read), replacing any stored before; an account without findings gets zeros.
     */
    public void store(String runId, Collection<String> accountIds) {
        Map<String, RunCounts> g = tally.byAccount(runId, accountIds);
        jdbc.update("DELETE FROM run_account_total WHERE run_id = ?", runId);
        List<Object[]> rows = new ArrayList<>();
        for (String a : new LinkedHashSet<>(accountIds)) {
            RunCounts c = g.getOrDefault(a, RunCounts.empty());
            rows.add(new Object[] {runId, a, c.of(Severity.CRITICAL), c.of(Severity.HIGH), c.of(Severity.MEDIUM),
                    c.of(Severity.LOW), c.of(Severity.INFO), c.newCount(), c.resolved(), c.suppressed(), c.savings(),
                    c.costAlerts()});
        }
        jdbc.batchUpdate("INSERT INTO run_account_total (run_id, account_id, critical, high, medium, low, info, new_count,"
                + " resolved, suppressed, savings_usd, cost_alerts_usd) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows);
    }

    /**
     * Stored figures: run to account to figures, for the runs of {@code runIds} that have them (a run
     * stored with no accounts maps to an empty map; a run never stored is absent).
     *
     * @param accountIds the accounts to read; null: all of each run's
     */
    Map<String, Map<String, RunCounts>> read(List<String> runIds, Collection<String> accountIds) {
        Map<String, Map<String, RunCounts>> out = new LinkedHashMap<>();
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
            for (Severity s : Severity.values()) sev.put(s, rs.getInt(s.name().toLowerCase(Locale.ROOT)));
            out.get(rs.getString("run_id")).put(rs.getString("account_id"), new RunCounts(sev, rs.getInt("new_count"),
                    rs.getInt("resolved"), rs.getInt("suppressed"),
                    rs.getBigDecimal("savings_usd").setScale(2, RoundingMode.HALF_UP),
                    rs.getBigDecimal("cost_alerts_usd").setScale(2, RoundingMode.HALF_UP)));
        });
        return out;
    }
}
