package cloud.consolesensei.cost;

import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.InventorySheet;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.AbstractResourceSource;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The account's Cost Explorer figures: one {@link CostSnapshot} per account (GLOBAL scope, region
 * {@code global}), judged by {@code cost.service_spike}, {@code cost.forecast_over_budget} and
 * {@code cost.daily_anomaly}. No inventory sheet: the Costs sheet ({@link CostsSheet}) shows the figures.
 */
public final class CostSource extends AbstractResourceSource<CostSnapshot> {

    private final CostExplorerReader reader;
    public CostSource(CostCache cache, CostExplorerUsage usage, CostProperties properties) {
        super("cost.explorer", Scope.GLOBAL, null, List.of(
                new ServiceSpikeCheck(), new ForecastOverBudgetCheck(), new DailyAnomalyCheck()));
        this.reader = new CostExplorerReader(cache, usage, properties);
    }

    /** One snapshot, read when the stream is consumed; parts that failed are coverage gaps and absent. */
    @Override
    public Stream<CostSnapshot> read(ReadContext context) {
        Supplier<CostSnapshot> read = () -> reader.read(context);
        return Stream.of(read).map(Supplier::get);
    }

    @Override
    public InventoryRow inventoryRow(CostSnapshot resource, CheckContext context) {
        return null;
    }
}
