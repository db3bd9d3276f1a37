package cloud.consolesensei.finding;

import cloud.consolesensei.run.AuditRuns;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The findings store (JDBC; H2 or PostgreSQL, same SQL). A finding is upserted by fingerprint:
 * a new one is NEW with {@code first_seen} = as-of; one seen in an earlier run becomes OPEN; one
 * that had been RESOLVED is reopened as NEW and keeps its original {@code first_seen}. Writing the
 * same finding twice in one run (a restarted chunk) changes nothing: upserts are idempotent.
 * Each run's view is kept in {@code run_finding} (history, trend, Changes sheet).
 */
@Repository
public class FindingStore {

    /** SQL ORDER BY fragment: most severe first. */
    public static final String SEVERITY_RANK = "CASE f.severity WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1 "
            + "WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3 ELSE 4 END";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final AuditRuns runs;

    public FindingStore(JdbcTemplate jdbc, AuditRuns runs) {
        this.runs = runs;
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Fingerprints per IN list of the chunk's one look-up query (well under every database's parameter limit). */
    private static final int LOOKUP = 500;

    /**
     * Upserts the findings of one chunk for run {@code runId}, in a fixed number of statements per
     * chunk: one look-up of the fingerprints' current state, then JDBC batches of inserts and updates
     * (a statement per finding made the store the bottleneck of large runs). A fingerprint that occurs
     * twice in the chunk is written once, with its last values, as two sequential writes would leave it.
     *
     * @param accountName       display name of the findings' account
     * @param suppressionReason function giving the active suppression's reason, or null
     */
    public void upsert(String runId, LocalDate asOf, String accountName, Collection<Finding> findings,
                       Function<Finding, String> suppressionReason) {
        if (findings.isEmpty()) return;
        Map<String, Finding> byFingerprint = new LinkedHashMap<>();
        for (Finding f : findings) byFingerprint.put(f.fingerprint(), f);
        Map<String, String[]> current = current(byFingerprint.keySet());
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> runUpdates = new ArrayList<>();
        List<Object[]> runInserts = new ArrayList<>();
        Date day = Date.valueOf(asOf);
        for (Map.Entry<String, Finding> e : byFingerprint.entrySet()) {
            String fp = e.getKey();
            Finding f = e.getValue();
            String reason = suppressionReason.apply(f);
            String[] row = current.get(fp);
            FindingStatus status;
            if (row == null) {
                status = reason != null ? FindingStatus.SUPPRESSED : FindingStatus.NEW;
                inserts.add(new Object[] {fp, f.accountId(), accountName, f.region(), nz(f.service()), nz(f.resourceType()),
                        f.resourceId(), f.checkId(), f.severity().name(), nz(f.title()), nz(f.detail()), f.monthlyCostUsd(),
                        status.name(), reason, day, day, runId});
            } else {
                FindingStatus previous = FindingStatus.valueOf(row[0]);
                if (reason != null) {
                    status = FindingStatus.SUPPRESSED;
                } else if (runId.equals(row[1])) {
                    // same run (restarted chunk): keep what the first write decided
                    status = previous;
                } else if (previous == FindingStatus.RESOLVED) {
                    status = FindingStatus.NEW;
                } else {
                    status = FindingStatus.OPEN;
                }
                updates.add(new Object[] {accountName, nz(f.service()), nz(f.resourceType()), f.severity().name(), nz(f.title()),
                        nz(f.detail()), f.monthlyCostUsd(), status.name(), reason, day, day, day, day, runId, fp});
            }
            if (row != null && runId.equals(row[1])) {
                // written by this run already (a restarted chunk): finding and run_finding rows are
                // committed together, so the run's history row exists
                runUpdates.add(new Object[] {status.name(), f.severity().name(), f.monthlyCostUsd(), runId, fp});
            } else {
                runInserts.add(new Object[] {runId, fp, f.accountId(), status.name(), f.severity().name(),
                        f.monthlyCostUsd(), f.checkId(), f.region(), f.resourceId()});
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO finding (fingerprint, account_id, account_name, region, service, resource_type,"
                    + " resource_id, check_id, severity, title, detail, monthly_cost_usd, status, suppression_reason,"
                    + " first_seen, last_seen, resolved_on, last_run_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,NULL,?)", inserts);
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("UPDATE finding SET account_name = ?, service = ?, resource_type = ?, severity = ?, title = ?,"
                    + " detail = ?, monthly_cost_usd = ?, status = ?, suppression_reason = ?,"
                    // a run for an earlier as-of date never moves the dates backwards
                    + " last_seen = CASE WHEN last_seen < ? THEN ? ELSE last_seen END,"
                    + " first_seen = CASE WHEN first_seen > ? THEN ? ELSE first_seen END,"
                    + " resolved_on = NULL, last_run_id = ? WHERE fingerprint = ?", updates);
        }
        if (!runUpdates.isEmpty()) {
            jdbc.batchUpdate("UPDATE run_finding SET status = ?, severity = ?, monthly_cost_usd = ?"
                    + " WHERE run_id = ? AND fingerprint = ?", runUpdates);
        }
        if (!runInserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO run_finding (run_id, fingerprint, account_id, status, severity, monthly_cost_usd,"
                    + " check_id, region, resource_id) VALUES (?,?,?,?,?,?,?,?,?)", runInserts);
        }
    }

    /** Fingerprint to {status, last_run_id} of those already stored. */
    private Map<String, String[]> current(Collection<String> fingerprints) {
        Map<String, String[]> out = new HashMap<>();
        List<String> all = List.copyOf(fingerprints);
        for (int from = 0; from < all.size(); from += LOOKUP) {
            named.query("SELECT fingerprint, status, last_run_id FROM finding WHERE fingerprint IN (:fps)",
                    new MapSqlParameterSource("fps", all.subList(from, Math.min(all.size(), from + LOOKUP))),
                    rs -> {
                        out.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                    });
        }
        return out;
    }

    /**
     * Marks RESOLVED every finding of {@code accountIds} not seen by {@code runId}, except where the
     * run has a (non-informational) coverage gap for the finding's account, region and service:
     * what could not be read is unknown, not fixed.
     *
     * @return how many findings were resolved
     */
    public int resolveUnseen(String runId, LocalDate asOf, Collection<String> accountIds) {
        return resolveUnseen(runId, asOf, accountIds, List.of());
    }

    /**
     * As {@link #resolveUnseen(String, LocalDate, Collection)} for a run limited to {@code regions}
     * ({@code run --region}; empty = not limited): findings in other regions were not looked at, so
     * they keep their state; {@code global} findings are read by every run and may be resolved.
     */
    public int resolveUnseen(String runId, LocalDate asOf, Collection<String> accountIds, Collection<String> regions) {
        if (accountIds.isEmpty()) return 0;
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("run", runId).addValue("accounts", accountIds)
                .addValue("asOf", Date.valueOf(asOf)).addValue("regions", regions);
        String unseen = " FROM finding f WHERE f.account_id IN (:accounts) AND f.status <> 'RESOLVED' AND f.last_run_id <> :run"
                + (regions.isEmpty() ? "" : " AND (f.region = 'global' OR f.region IN (:regions))")
                + " AND NOT EXISTS (SELECT 1 FROM coverage_gap g WHERE g.run_id = :run AND g.info = FALSE"
                + " AND g.account_id = f.account_id AND (g.region = f.region OR g.region = 'global')"
                + " AND (g.service = f.service OR (g.service IN ('sts', 's3control')) OR (g.service = 'ec2' AND f.service = 'ebs')))";
        named.update("INSERT INTO run_finding (run_id, fingerprint, account_id, status, severity, monthly_cost_usd,"
                + " check_id, region, resource_id) SELECT :run, f.fingerprint, f.account_id, 'RESOLVED', f.severity,"
                + " f.monthly_cost_usd, f.check_id, f.region, f.resource_id" + unseen
                + " AND NOT EXISTS (SELECT 1 FROM run_finding r WHERE r.run_id = :run AND r.fingerprint = f.fingerprint)", p);
        return named.update("UPDATE finding SET status = 'RESOLVED', resolved_on = :asOf WHERE fingerprint IN ("
                + "SELECT r.fingerprint FROM run_finding r WHERE r.run_id = :run AND r.status = 'RESOLVED')"
                + " AND status <> 'RESOLVED'", p);
    }

    /**
     * Streams the findings {@code runId} saw (not the RESOLVED ones), ordered by account ID, then most
     * severe first, then by money at stake (USD per month, largest first), then check ID, region and
     * resource ID. Rows are handed over one at a time and read one account at a time, so memory is
     * bounded by the largest account, not by the estate.
     */
    public void forEachSeen(String runId, Collection<String> accountIds, Consumer<StoredFinding> consumer) {
        stream(runId, accountIds, "<> 'RESOLVED'", consumer);
    }

    /**
     * Streams the findings {@code runId} marked {@code status} (NEW, SUPPRESSED or RESOLVED), in the same
     * order as {@link #forEachSeen}. The finding's texts are its latest ones.
     */
    public void forEachWithRunStatus(String runId, Collection<String> accountIds, FindingStatus status,
                                     Consumer<StoredFinding> consumer) {
        if (accountIds.isEmpty()) return;
        if (status != FindingStatus.RESOLVED) {
            stream(runId, accountIds, "= '" + status.name() + "'", consumer);
            return;
        }
        // resolving does not move last_run_id; the run's few RESOLVED rows are found from its history
        named.query("SELECT f.*, 'RESOLVED' AS run_status FROM finding f WHERE f.fingerprint IN (SELECT r.fingerprint"
                + " FROM run_finding r WHERE r.run_id = :run AND r.status = 'RESOLVED' AND r.account_id IN (:accounts))"
                + " ORDER BY f.account_id, " + REPORT_ORDER, params(runId, accountIds), rs -> {
            consumer.accept(map(rs));
        });
    }

    private static final String REPORT_ORDER = SEVERITY_RANK
            + ", f.monthly_cost_usd DESC NULLS LAST, f.check_id, f.region, f.resource_id";

    /**
     * One query per account. Where no other run can have written the account's findings since
     * {@code runId} started, the run's findings are exactly the account's rows whose
     * {@code last_run_id} is the run, and their status is the run's: those rows are read straight from
     * {@code finding} (clustered by the chunks that wrote them). Joining each row to its
     * {@code run_finding} row instead costs a random index look-up per finding, which on a run of a
     * million findings is most of the report's time; that join remains for the accounts another run
     * has touched since (a concurrent run, or this run restarted after a later one).
     */
    private void stream(String runId, Collection<String> accountIds, String statusCond, Consumer<StoredFinding> consumer) {
        if (accountIds.isEmpty()) return;
        Set<String> overtaken = overtaken(runId, accountIds);
        for (String account : new TreeSet<>(accountIds)) {
            MapSqlParameterSource p = new MapSqlParameterSource().addValue("run", runId).addValue("account", account);
            String sql = overtaken.contains(account)
                    ? "SELECT f.*, r.status AS run_status FROM finding f JOIN run_finding r ON r.fingerprint = f.fingerprint"
                            + " AND r.run_id = :run WHERE f.account_id = :account AND r.status " + statusCond
                    : "SELECT f.*, f.status AS run_status FROM finding f WHERE f.account_id = :account"
                            + " AND f.last_run_id = :run AND f.status " + statusCond;
            named.query(sql + " ORDER BY " + REPORT_ORDER, p, rs -> {
                consumer.accept(map(rs));
            });
        }
    }

    /**
     * Accounts of {@code accountIds} whose findings a run other than {@code runId} may have written
     * since {@code runId} started: runs started since, still running (or killed) or finished since.
     */
    private Set<String> overtaken(String runId, Collection<String> accountIds) {
        List<String> others = runs.overlapping(runId);
        if (others.isEmpty()) return Set.of();
        return new HashSet<>(named.queryForList("SELECT DISTINCT account_id FROM run_finding"
                + " WHERE run_id IN (:others) AND account_id IN (:accounts)",
                new MapSqlParameterSource("others", others).addValue("accounts", accountIds), String.class));
    }

    private static MapSqlParameterSource params(String runId, Collection<String> accountIds) {
        return new MapSqlParameterSource().addValue("run", runId).addValue("accounts", accountIds);
    }

    static StoredFinding map(ResultSet rs) throws SQLException {
        Finding f = new Finding(rs.getString("account_id"), rs.getString("region"), rs.getString("service"),
                rs.getString("resource_type"), rs.getString("resource_id"), rs.getString("check_id"),
                Severity.valueOf(rs.getString("severity")), rs.getString("title"), rs.getString("detail"),
                rs.getBigDecimal("monthly_cost_usd"));
        Date resolved = rs.getDate("resolved_on");
        return new StoredFinding(f, rs.getString("account_name"), FindingStatus.valueOf(rs.getString("run_status")),
                rs.getString("suppression_reason"), rs.getDate("first_seen").toLocalDate(),
                rs.getDate("last_seen").toLocalDate(), resolved == null ? null : resolved.toLocalDate());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
