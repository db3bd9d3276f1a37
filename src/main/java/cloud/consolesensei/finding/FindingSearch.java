package cloud.consolesensei.finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The findings of one run, filtered and paged by the database (the web console's findings table
 * and its CSV export): a page of a run of a million findings reads one page of rows, ordered most
 * severe first, then by money at stake (USD per month, largest first), account, check, region and
 * resource. The status is the run's (NEW, OPEN, SUPPRESSED or RESOLVED, from {@code run_finding});
 * the texts are the finding's latest.
 */
@Repository
public class FindingSearch {

    /**
     * What to show; every part optional (null or blank: any).
     *
     * @param account  12-digit account ID
     * @param region   region name, or {@code global}
     * @param service  service of the finding ({@code ec2}, {@code s3}, ...)
     * @param check    catalog check id
     * @param severity CRITICAL, HIGH, MEDIUM, LOW or INFO
     * @param status   NEW, OPEN, SUPPRESSED or RESOLVED; blank: every status but RESOLVED
     */
    public record Filter(String account, String region, String service, String check, Severity severity,
                         FindingStatus status) {

        /** No filter: the findings the run saw. */
        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    private static final String ORDER = " ORDER BY CASE r.severity WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1"
            + " WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3 ELSE 4 END, r.monthly_cost_usd DESC NULLS LAST, r.account_id,"
            + " r.check_id, r.region, r.resource_id, r.fingerprint";

    private final NamedParameterJdbcTemplate named;

    public FindingSearch(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** How many findings of run {@code runId} match. */
    public long count(String runId, Filter filter) {
        MapSqlParameterSource p = new MapSqlParameterSource("run", runId);
        Long n = named.queryForObject("SELECT COUNT(*) FROM run_finding r" + join(filter) + where(filter, p), p, Long.class);
        return n == null ? 0 : n;
    }

    /** One page of the matching findings: {@code limit} rows from row {@code offset} (0-based). */
    public List<StoredFinding> page(String runId, Filter filter, long offset, int limit) {
        MapSqlParameterSource p = new MapSqlParameterSource("run", runId).addValue("offset", offset).addValue("limit", limit);
        List<StoredFinding> out = new ArrayList<>();
        named.query("SELECT f.*, r.status AS run_status FROM run_finding r JOIN finding f ON f.fingerprint = r.fingerprint"
                + where(filter, p) + ORDER + " OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY", p, rs -> {
            out.add(FindingStore.map(rs));
        });
        return out;
    }

    /** Streams every matching finding, in page order, one row at a time (flat memory). */
    public void forEach(String runId, Filter filter, Consumer<StoredFinding> consumer) {
        MapSqlParameterSource p = new MapSqlParameterSource("run", runId);
        named.query("SELECT f.*, r.status AS run_status FROM run_finding r JOIN finding f ON f.fingerprint = r.fingerprint"
                + where(filter, p) + ORDER, p, rs -> {
            consumer.accept(FindingStore.map(rs));
        });
    }

    /** The services of the run's findings, sorted (for the filter's choices). */
    public List<String> services(String runId) {
        return named.queryForList("SELECT DISTINCT f.service FROM run_finding r JOIN finding f ON f.fingerprint = r.fingerprint"
                + " WHERE r.run_id = :run ORDER BY f.service", new MapSqlParameterSource("run", runId), String.class);
    }

    private static String join(Filter f) {
        return blank(f.service()) ? "" : " JOIN finding f ON f.fingerprint = r.fingerprint";
    }

    private static String where(Filter f, MapSqlParameterSource p) {
        StringBuilder w = new StringBuilder(" WHERE r.run_id = :run");
        if (!blank(f.account())) {
            w.append(" AND r.account_id = :account");
            p.addValue("account", f.account().trim());
        }
        if (!blank(f.region())) {
            w.append(" AND r.region = :region");
            p.addValue("region", f.region().trim());
        }
        if (!blank(f.service())) {
            w.append(" AND f.service = :service");
            p.addValue("service", f.service().trim().toLowerCase(Locale.ROOT));
        }
        if (!blank(f.check())) {
            w.append(" AND r.check_id = :check");
            p.addValue("check", f.check().trim());
        }
        if (f.severity() != null) {
            w.append(" AND r.severity = :severity");
            p.addValue("severity", f.severity().name());
        }
        if (f.status() != null) {
            w.append(" AND r.status = :status");
            p.addValue("status", f.status().name());
        } else {
            w.append(" AND r.status <> 'RESOLVED'");
        }
        return w.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
