package cloud.consolesensei.collect;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inventory cells through the real store (a migrated H2 database): every cell type comes back as
 * the type and value it went in as, whatever characters a string holds.
 */
class InventoryStoreCellsTest {

    private InventoryStore store;

    @BeforeEach
    void database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:inventory-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2").load()
                .migrate();
        store = new InventoryStore(new JdbcTemplate(ds));
    }

    @Test
    void everyCellTypeRoundTrips() {
        List<Object> cells = Arrays.asList("vol-1", new BigDecimal("12.50"), 3L, true, LocalDate.of(2026, 11, 29),
                Instant.parse("2026-11-29T10:20:30Z"), null);

        List<Object> back = roundTrip(cells);

        // whole numbers come back as BigDecimal: the sheet writes every number the same way
        assertThat(back).containsExactly("vol-1", new BigDecimal("12.50"), new BigDecimal("3"), true,
                LocalDate.of(2026, 11, 29), Instant.parse("2026-11-29T10:20:30Z"), null);
    }

    @Test
    void stringsKeepSeparatorsQuotesLineBreaksAndTypeLikePrefixes() {
        List<Object> cells = List.of("a,b", "say \"hi\"", "two\nlines", "n:12", "b:true", "", " ");

        assertThat(roundTrip(cells)).containsExactly("a,b", "say \"hi\"", "two\nlines", "n:12", "b:true", "", " ");
    }

    @Test
    void anEmptyStringIsNotANull() {
        assertThat(roundTrip(Arrays.asList("", null))).containsExactly("", null);
    }

    private List<Object> roundTrip(List<Object> cells) {
        store.upsert("run-1", List.of(new InventoryRow("Volumes", "123456789012", "us-east-1", "vol-1", cells)));
        List<InventoryRow> back = new ArrayList<>();
        store.forEach("run-1", "Volumes", List.of("123456789012"), back::add);
        assertThat(back).hasSize(1);
        return back.get(0).cells();
    }
}
