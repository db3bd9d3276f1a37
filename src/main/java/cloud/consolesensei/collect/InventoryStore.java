package cloud.consolesensei.collect;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Inventory rows of each run (JDBC), upserted by (run, sheet, account, region, resource id) so a
 * restarted chunk writes nothing twice. Cells are stored as one typed CSV record
 * ({@code s:text}, {@code n:decimal}, {@code b:true}, {@code d:2024-01-31}, {@code i:instant}, empty = null).
 */
@Repository
public class InventoryStore {

    private final JdbcTemplate jdbc;
    private volatile String upsertSql;

    public InventoryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Upserts rows for {@code runId} in one JDBC batch of one statement per row, H2's
     * {@code MERGE ... KEY} or PostgreSQL's {@code INSERT ... ON CONFLICT DO UPDATE}: a row already
     * written (a restarted chunk) gets the new cells, any other is inserted; a resource twice in one
     * chunk ends with its last cells, as sequential writes leave it. (It used to be a batch of updates
     * probing for every row, then a batch inserting the rows no update matched: in a fresh run, all.)
     */
    public void upsert(String runId, Collection<InventoryRow> rows) {
        if (rows.isEmpty()) return;
        List<Object[]> args = new ArrayList<>(rows.size());
        for (InventoryRow r : rows) {
            args.add(new Object[] {runId, r.sheet(), r.accountId(), r.region(), r.resourceId(), encode(r.cells())});
        }
        jdbc.batchUpdate(upsertSql(), args);
    }

    private static final String COLUMNS = "inventory_row (run_id, sheet, account_id, region, resource_id, cells)";
    private static final String KEY = "run_id, sheet, account_id, region, resource_id";

    /** The upsert statement of the database behind {@link #jdbc}, settled at first use. */
    private String upsertSql() {
        String sql = upsertSql;
        if (sql == null) {
            String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
            sql = "PostgreSQL".equalsIgnoreCase(product)
                    ? "INSERT INTO " + COLUMNS + " VALUES (?,?,?,?,?,?) ON CONFLICT (" + KEY + ") DO UPDATE SET cells = EXCLUDED.cells"
                    : "MERGE INTO " + COLUMNS + " KEY (" + KEY + ") VALUES (?,?,?,?,?,?)";
            upsertSql = sql;
        }
        return sql;
    }

    /** Streams one sheet's rows of {@code runId}, by account, region and resource id. */
    public void forEach(String runId, String sheet, Collection<String> accountIds, Consumer<InventoryRow> consumer) {
        if (accountIds.isEmpty()) return;
        new NamedParameterJdbcTemplate(jdbc).query("SELECT * FROM inventory_row WHERE run_id = :run AND sheet = :sheet"
                        + " AND account_id IN (:a) ORDER BY account_id, region, resource_id",
                new MapSqlParameterSource("run", runId).addValue("sheet", sheet).addValue("a", accountIds),
                rs -> {
                    consumer.accept(new InventoryRow(sheet, rs.getString("account_id"), rs.getString("region"),
                            rs.getString("resource_id"), decode(rs.getString("cells"))));
                });
    }

    /**
     * Number of rows per sheet (how many resources were evaluated) for each account of
     * {@code accountIds} that has any, in one grouped read of the run's rows; sheets in name order.
     */
    public Map<String, Map<String, Integer>> countsByAccount(String runId, Collection<String> accountIds) {
        Map<String, Map<String, Integer>> m = new HashMap<>();
        if (accountIds.isEmpty()) return m;
        new NamedParameterJdbcTemplate(jdbc).query("SELECT account_id, sheet, COUNT(*) AS n FROM inventory_row"
                        + " WHERE run_id = :run AND account_id IN (:a) GROUP BY account_id, sheet ORDER BY account_id, sheet",
                new MapSqlParameterSource("run", runId).addValue("a", accountIds), rs -> {
                    m.computeIfAbsent(rs.getString("account_id"), k -> new LinkedHashMap<>())
                            .put(rs.getString("sheet"), rs.getInt("n"));
                });
        return m;
    }

    static String encode(List<Object> cells) {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
            List<String> out = new ArrayList<>(cells.size());
            for (Object c : cells) {
                out.add(c == null ? "" : c instanceof Boolean b ? "b:" + b
                        : c instanceof BigDecimal d ? "n:" + d.toPlainString()
                        : c instanceof Number n ? "n:" + n
                        : c instanceof LocalDate d ? "d:" + d
                        : c instanceof Instant i ? "i:" + i
                        : "s:" + c);
            }
            p.printRecord(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    static List<Object> decode(String s) {
        try {
            List<CSVRecord> recs = CSVFormat.RFC4180.parse(new StringReader(s)).getRecords();
            List<Object> out = new ArrayList<>();
            if (recs.isEmpty()) return out;
            for (String v : recs.get(0)) {
                if (v.isEmpty()) {
                    out.add(null);
                    continue;
                }
                String body = v.substring(2);
                out.add(switch (v.charAt(0)) {
                    case 'b' -> Boolean.valueOf(body);
                    case 'n' -> new BigDecimal(body);
                    case 'd' -> LocalDate.parse(body);
                    case 'i' -> Instant.parse(body);
                    default -> body;
                });
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
