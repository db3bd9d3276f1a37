package cloud.consolesensei.cost;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The database copy of Cost Explorer results (tables {@code cost_period} and {@code cost_amount},
 * migration {@code V10__cost_cache.sql}), keyed by (account, cost scope, metric, granularity,
 * period start). It is what makes a second read on the same as-of day free, and what the Costs
 * sheet reads.
 * <p>
 * A period is written amounts first and period row last, and deleted period row first: a period
 * row therefore always has all its amounts, even after a crash half-way.
 */
@Repository
public class CostCache {

    /**
     * Series stored: MONTHLY (grouped by SERVICE, every record type), DAILY_USAGE (ungrouped daily
     * totals without the lump-sum record types, {@link CostExplorerReader#LUMP_SUM_RECORD_TYPES}),
     * FORECAST, MONTHLY_PRETAX (ungrouped complete months without RECORD_TYPE Tax, for the Billing
     * sheet's reconciliation with invoices). The name is the stored key: a series whose request changes
     * gets a new name, so copies asked with the old request are never read back (V85 deletes the old
     * DAILY rows).
     */
    public enum Granularity { MONTHLY, DAILY_USAGE, FORECAST, MONTHLY_PRETAX }

    /**
     * Identifies one series: whose costs, which view (see {@link CostProperties#costScope()}), which metric.
     */
    public record Series(String accountId, String costScope, CostMetric metric, Granularity granularity) {
    }

    /**
     * A stored period.
     *
     * @param period      the figures
     * @param fetchedOn   as-of date of the run that asked Cost Explorer
     * @param unavailable for a forecast Cost Explorer could not make: its message; else {@code null}
     */
    public record Stored(CostPeriod period, LocalDate fetchedOn, String unavailable) {

        /**
         * Whether this copy may stand in for asking again on {@code asOf}: it covers the same period
         * and was asked on that as-of day, or it is final (complete when asked and not estimated).
         */
        public boolean usableOn(LocalDate asOf, LocalDate expectedEnd) {
            if (!period.end().equals(expectedEnd)) return false;
            boolean complete = !period.end().isAfter(fetchedOn);
            return fetchedOn.equals(asOf) || complete && !period.estimated() && unavailable == null;
        }
    }

    private final JdbcClient jdbc;

    public CostCache(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stored periods of {@code series} starting in [{@code from}, {@code to}), by start date. */
    public Map<LocalDate, Stored> load(Series s, LocalDate from, LocalDate to) {
        Map<LocalDate, Map<String, Money>> amounts = new HashMap<>();
        jdbc.sql("""
                        SELECT period_start, group_key, amount, unit FROM cost_amount
                        WHERE account_id = ? AND cost_scope = ? AND metric = ? AND granularity = ?
                          AND period_start >= ? AND period_start < ?
                        ORDER BY period_start, group_key""")
                .params(s.accountId(), s.costScope(), s.metric().apiName(), s.granularity().name(),
                        Date.valueOf(from), Date.valueOf(to))
                .query(rs -> {
                    amounts.computeIfAbsent(rs.getDate(1).toLocalDate(), k -> new LinkedHashMap<>())
                            .put(rs.getString(2), new Money(plain(rs.getBigDecimal(3)), rs.getString(4)));
                });
        Map<LocalDate, Stored> out = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT period_start, period_end, estimated, fetched_on, unavailable FROM cost_period
                        WHERE account_id = ? AND cost_scope = ? AND metric = ? AND granularity = ?
                          AND period_start >= ? AND period_start < ?
                        ORDER BY period_start""")
                .params(s.accountId(), s.costScope(), s.metric().apiName(), s.granularity().name(),
                        Date.valueOf(from), Date.valueOf(to))
                .query(rs -> {
                    LocalDate start = rs.getDate(1).toLocalDate();
                    CostPeriod p = new CostPeriod(start, rs.getDate(2).toLocalDate(), rs.getBoolean(3),
                            amounts.getOrDefault(start, Map.of()));
                    out.put(start, new Stored(p, rs.getDate(4).toLocalDate(), rs.getString(5)));
                });
        return out;
    }

    /** NUMERIC(20,10) pads to 10 decimals: drop the padding, keep at least cents (40.00, not 4E+1). */
    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 2 ? s.setScale(2) : s;
    }

    /** Replaces the stored copies of {@code periods} with these, asked on {@code fetchedOn} by run {@code runId}. */
    public void store(Series s, List<CostPeriod> periods, LocalDate fetchedOn, String runId) {
        for (CostPeriod p : periods) {
            replace(s, p, fetchedOn, runId, null);
        }
    }

    /** Stores that Cost Explorer could not make the forecast for {@code start}..{@code end} (asked on {@code fetchedOn}). */
    public void storeUnavailable(Series s, LocalDate start, LocalDate end, LocalDate fetchedOn, String runId,
                                 String message) {
        replace(s, new CostPeriod(start, end, true, Map.of()), fetchedOn, runId,
                message.length() > 2000 ? message.substring(0, 2000) : message);
    }

    private void replace(Series s, CostPeriod p, LocalDate fetchedOn, String runId, String unavailable) {
        List<Object> key = List.of(s.accountId(), s.costScope(), s.metric().apiName(), s.granularity().name(),
                Date.valueOf(p.start()));
        String where = " WHERE account_id = ? AND cost_scope = ? AND metric = ? AND granularity = ? AND period_start = ?";
        jdbc.sql("DELETE FROM cost_period" + where).params(key).update();
        jdbc.sql("DELETE FROM cost_amount" + where).params(key).update();
        for (Map.Entry<String, Money> e : p.amounts().entrySet()) {
            List<Object> row = new ArrayList<>(key);
            row.add(e.getKey());
            row.add(e.getValue().amount());
            row.add(e.getValue().unit());
            jdbc.sql("""
                            INSERT INTO cost_amount (account_id, cost_scope, metric, granularity, period_start,
                                                     group_key, amount, unit)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(row).update();
        }
        List<Object> row = new ArrayList<>(key);
        row.add(Date.valueOf(p.end()));
        row.add(p.estimated());
        row.add(Date.valueOf(fetchedOn));
        row.add(Timestamp.from(Instant.now()));
        row.add(runId);
        row.add(unavailable);
        jdbc.sql("""
                        INSERT INTO cost_period (account_id, cost_scope, metric, granularity, period_start,
                                                 period_end, estimated, fetched_on, fetched_at, run_id, unavailable)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row).update();
    }
}
