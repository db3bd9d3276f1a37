package cloud.consolesensei.collect;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.MigratedDatabase;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link InventoryStore#upsert} on a real database migrated by the product's Flyway scripts (H2's
 * {@code MERGE ... KEY}, PostgreSQL's {@code ON CONFLICT}): a chunk written again after a restart
 * replaces its rows instead of failing or doubling them, and a resource twice in one chunk keeps its
 * last cells, as sequential writes would. Subclasses choose the database.
 */
abstract class InventoryUpsertSuite {

    private static final String ACCOUNT = "123456789012";

    private MigratedDatabase database;
    private DataSource dataSource;
    private InventoryStore store;

    /** An empty database, migrated, with at most {@code poolSize} connections: H2 or PostgreSQL. */
    abstract MigratedDatabase open(int poolSize);

    @BeforeEach
    void migrate() {
        database = open(10);
        dataSource = database.dataSource();
        store = new InventoryStore(new JdbcTemplate(dataSource));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aChunkWrittenAgainReplacesItsRowsAndARepeatKeepsTheLastCells() {
        store.upsert("run-1", List.of(row("vol-1", "gp2"), row("vol-2", "gp2")));
        // the restarted chunk: vol-1 again with new cells, vol-3 twice in the one chunk
        store.upsert("run-1", List.of(row("vol-1", "gp3"), row("vol-3", "io1"), row("vol-3", "io2")));
        // another run keeps rows of its own
        store.upsert("run-2", List.of(row("vol-1", "st1")));

        assertThat(sheet("run-1")).containsExactly("vol-1=gp3", "vol-2=gp2", "vol-3=io2");
        assertThat(sheet("run-2")).containsExactly("vol-1=st1");
    }

    private static InventoryRow row(String id, String type) {
        return new InventoryRow("Volumes", ACCOUNT, "us-east-1", id, List.of(id, type));
    }

    private List<String> sheet(String runId) {
        List<String> rows = new ArrayList<>();
        store.forEach(runId, "Volumes", List.of(ACCOUNT), r -> rows.add(r.resourceId() + "=" + r.cells().get(1)));
        return rows;
    }
}
