package cloud.consolesensei.testkit;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsClients;
import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckSettings;
import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.coverage.CoverageSink;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.price.PriceTable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one way tests make a {@link ReadContext} and read a source as the audit job does: every
 * item read, every check of the source run on it, its inventory row built (and its cells counted
 * against the sheet's columns, as the report writer relies on).
 */
public final class Reads {

    private Reads() {
    }

    /** A read of {@code account} through {@code clients} with the test defaults ({@link Builder}). */
    public static Builder of(AccountTarget account, AwsClients clients) {
        return new Builder(account, clients);
    }

    /**
     * Reads {@code source} in {@code context} and judges each item with all the source's checks.
     *
     * @throws AssertionError when an inventory row has not one cell per column of the source's inventory sheet
     */
    public static <R> Audit<R> audit(ResourceSource<R> source, ReadContext context) {
        CheckContext cc = context.checkContext();
        List<R> items = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<InventoryRow> rows = new ArrayList<>();
        try (Stream<R> read = source.read(context)) {
            read.forEach(item -> {
                items.add(item);
                for (Check<R> c : source.checks()) findings.addAll(c.evaluate(item, cc));
                InventoryRow row = source.inventoryRow(item, cc);
                if (row == null) return;
                // a source with a sheet of its own (billing) has no inventory sheet to count against
                if (source.sheet() != null && row.cells().size() != source.sheet().columns().size()) {
                    throw new AssertionError(source.id() + ": row has " + row.cells().size() + " cells for "
                            + source.sheet().columns().size() + " columns");
                }
                rows.add(row);
            });
        }
        return new Audit<>(items, findings, rows);
    }

    /** What one {@link #audit} read and found. */
    public record Audit<R>(List<R> items, List<Finding> findings, List<InventoryRow> rows) {
    }

    /**
     * A read context under construction. Defaults: region {@code global}, {@link Fixtures#AS_OF},
     * no check settings, an empty price table of the as-of date, gaps kept by a fresh {@link Gaps},
     * run id {@code test-run} without cost refresh.
     */
    public static final class Builder {
        private final AccountTarget account;
        private final AwsClients clients;
        private String region = Finding.GLOBAL;
        private LocalDate asOf = Fixtures.AS_OF;
        private CheckSettings settings = new CheckSettings(Set.of(), Map.of());
        private PriceTable prices;
        private CoverageSink gaps = new Gaps();
        private ReadContext.RunOptions options = new ReadContext.RunOptions("test-run", false);

        private Builder(AccountTarget account, AwsClients clients) {
            this.account = account;
            this.clients = clients;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder asOf(LocalDate asOf) {
            this.asOf = asOf;
            return this;
        }

        public Builder settings(CheckSettings settings) {
            this.settings = settings;
            return this;
        }

        public Builder prices(PriceTable prices) {
            this.prices = prices;
            return this;
        }

        public Builder gaps(CoverageSink gaps) {
            this.gaps = gaps;
            return this;
        }

        /** The run's id and whether cached Cost Explorer results are ignored. */
        public Builder run(String runId, boolean refreshCosts) {
            this.options = new ReadContext.RunOptions(runId, refreshCosts);
            return this;
        }

        public ReadContext context() {
            return new ReadContext(account, region, clients, asOf, settings,
                    prices != null ? prices : new PriceTable(Map.of(), "test", asOf), gaps, options);
        }
    }
}
