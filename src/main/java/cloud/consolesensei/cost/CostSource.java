package cloud.consolesensei.cost;

import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.InventorySheet;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.ResourceSource;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The account's Cost Explorer figures: one {@link CostSnapshot} per account (GLOBAL scope, region
 * {@code global}), judged by {@code cost.service_spike}, {@code cost.forecast_over_budget} and
 * {@code cost.daily_anomaly}. No inventory sheet: the Costs sheet ({@link CostsSheet}) shows the figures.
 */
public final class CostSource implements ResourceSource<CostSnapshot> {

    private final CostExplorerReader reader;
    private final List<Check<CostSnapshot>> checks = List.of(
            new ServiceSpikeCheck(), new ForecastOverBudgetCheck(), new DailyAnomalyCheck());

    public CostSource(CostCache cache, CostExplorerUsage usage, CostProperties properties) {
        this.reader = new CostExplorerReader(cache, usage, properties);
    }

    @Override
    public String id() {
        return "cost.explorer";
    }

    @Override
    public Scope scope() {
        return Scope.GLOBAL;
    }

    /** One snapshot, read when the stream is consumed; parts that failed are coverage gaps and absent. */
    @Override
    public Stream<CostSnapshot> read(ReadContext context) {
        Supplier<CostSnapshot> read = () -> reader.read(context);
        return Stream.of(read).map(Supplier::get);
    }

    @Override
    public List<Check<CostSnapshot>> checks() {
        return checks;
    }

    @Override
    public InventorySheet sheet() {
        return null;
    }

    @Override
    public InventoryRow inventoryRow(CostSnapshot resource, CheckContext context) {
        return null;
    }
}
