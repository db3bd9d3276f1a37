package cloud.consolesensei.notify;

import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.finding.FindingStore;
import cloud.consolesensei.finding.Severity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The email summary's bounded queries over one run's findings and coverage: top-N lists and
 * GROUP BY totals only, so composing a summary takes the same memory for ten findings or a
 * million.
 */
@Repository
public class SummaryQueries {

    private final NamedParameterJdbcTemplate named;

    public SummaryQueries(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * One listed finding.
     *
     * @param accountId  12-digit account ID
     * @param region     region or {@code global}
     * @param resourceId the resource's id
     * @param checkId    catalog id
     * @param title      the check's title
     * @param severity   severity
     * @param monthlyUsd money at stake, USD per month, or null
     * @param date       first seen (NEW) or resolved on (RESOLVED)
     */
    public record Row(String accountId, String region, String resourceId, String checkId, String title,
                      Severity severity, BigDecimal monthlyUsd, LocalDate date) {
    }

    /**
     * The money of one check.
     *
     * @param checkId  catalog id
     * @param title    the check's title
     * @param findings how many seen, unsuppressed findings
     * @param usd      the sum of their {@code monthly_cost_usd}, USD
     */
    public record CheckMoney(String checkId, String title, int findings, int unpriced, BigDecimal usd) {
    }

    /**
     * One coverage gap with its remedy.
     */
    public record Gap(String accountId, String region, String service, String operation, ErrorClass errorClass,
                      String message) {
        public String label() {
            return errorClass.label();
        }

        public String remedy() {
            return errorClass.remedy();
        }
    }

    /** NEW CRITICAL and HIGH findings of the run, most severe and costly first, at most {@code limit}. */
    public List<Row> topNew(String runId, Collection<String> accounts, int limit) {
        return rows(runId, accounts, "r.status = 'NEW' AND r.severity IN ('CRITICAL', 'HIGH')", "f.first_seen", limit);
    }

    /** How many NEW CRITICAL and HIGH findings the run has. */
    public int countNewCriticalHigh(String runId, Collection<String> accounts) {
        return count(runId, accounts, "SELECT COUNT(*) FROM run_finding r WHERE r.run_id = :run AND r.account_id IN (:a)"
                + " AND r.status = 'NEW' AND r.severity IN ('CRITICAL', 'HIGH')");
    }

    /** Findings the run RESOLVED, most severe first, at most {@code limit}. */
    public List<Row> resolved(String runId, Collection<String> accounts, int limit) {
        return rows(runId, accounts, "r.status = 'RESOLVED'", "f.resolved_on", limit);
    }

    /**
     * Money by check among {@code checkIds} (seen, unsuppressed findings with a cost), largest first, at
     * most {@code limit}: pass the checks of one money kind, so savings and cost alerts stay apart.
     */
    public List<CheckMoney> moneyByCheck(String runId, Collection<String> accounts, Collection<String> checkIds,
                                         int limit) {
        if (accounts.isEmpty() || checkIds.isEmpty()) return List.of();
        // grouped on run_finding alone; only the top checks are joined to a finding for their title
        // every open finding of the check is counted, priced or not (the workbook lists them all); the
        // sum is over the priced ones, and a check none of whose findings has a price is not listed
        return named.query("SELECT x.check_id, f.title, x.n, x.n - x.priced AS unpriced, x.usd FROM (SELECT r.check_id,"
                        + " COUNT(*) AS n, COUNT(r.monthly_cost_usd) AS priced, SUM(r.monthly_cost_usd) AS usd,"
                        + " MIN(r.fingerprint) AS fp FROM run_finding r"
                        + " WHERE r.run_id = :run AND r.account_id IN (:a) AND r.status IN ('NEW', 'OPEN')"
                        + " AND r.check_id IN (:checks) GROUP BY r.check_id HAVING COUNT(r.monthly_cost_usd) > 0"
                        + " ORDER BY usd DESC, r.check_id FETCH FIRST " + limit + " ROWS ONLY) x"
                        + " JOIN finding f ON f.fingerprint = x.fp ORDER BY x.usd DESC, x.check_id",
                params(runId, accounts).addValue("checks", checkIds), (rs, i) -> new CheckMoney(rs.getString("check_id"), rs.getString("title"),
                        rs.getInt("n"), rs.getInt("unpriced"), rs.getBigDecimal("usd")));
    }

    /** Non-informational coverage gaps of the run, at most {@code limit}. */
    public List<Gap> gaps(String runId, Collection<String> accounts, int limit) {
        if (accounts.isEmpty()) return List.of();
        return named.query("SELECT account_id, region, service, operation, error_class, message FROM coverage_gap"
                        + " WHERE run_id = :run AND account_id IN (:a) AND info = FALSE"
                        + " ORDER BY account_id, region, service, operation FETCH FIRST " + limit + " ROWS ONLY",
                params(runId, accounts), (rs, i) -> new Gap(rs.getString("account_id"), rs.getString("region"),
                        rs.getString("service"), rs.getString("operation"), ErrorClass.valueOf(rs.getString("error_class")),
                        rs.getString("message")));
    }

    /** How many non-informational coverage gaps the run has. */
    public int countGaps(String runId, Collection<String> accounts) {
        return count(runId, accounts, "SELECT COUNT(*) FROM coverage_gap WHERE run_id = :run AND account_id IN (:a)"
                + " AND info = FALSE");
    }

    private List<Row> rows(String runId, Collection<String> accounts, String cond, String dateColumn, int limit) {
        if (accounts.isEmpty()) return List.of();
        return named.query("SELECT f.account_id, f.region, f.resource_id, f.check_id, f.title, f.severity,"
                        + " r.monthly_cost_usd, " + dateColumn + " AS d"
                        + " FROM run_finding r JOIN finding f ON f.fingerprint = r.fingerprint"
                        + " WHERE r.run_id = :run AND r.account_id IN (:a) AND " + cond
                        + " ORDER BY " + FindingStore.SEVERITY_RANK + ", r.monthly_cost_usd DESC NULLS LAST,"
                        + " f.account_id, f.check_id, f.resource_id FETCH FIRST " + limit + " ROWS ONLY",
                params(runId, accounts), (rs, i) -> new Row(rs.getString("account_id"), rs.getString("region"),
                        rs.getString("resource_id"), rs.getString("check_id"), rs.getString("title"),
                        Severity.valueOf(rs.getString("severity")), rs.getBigDecimal("monthly_cost_usd"),
                        rs.getDate("d") == null ? null : rs.getDate("d").toLocalDate()));
    }

    private int count(String runId, Collection<String> accounts, String sql) {
        if (accounts.isEmpty()) return 0;
        Integer n = named.queryForObject(sql, params(runId, accounts), Integer.class);
        return n == null ? 0 : n;
    }

    private static MapSqlParameterSource params(String runId, Collection<String> accounts) {
        return new MapSqlParameterSource("run", runId).addValue("a", accounts);
    }
}
