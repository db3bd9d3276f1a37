package cloud.consolesensei.cost;

import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.cost.CostSpans.Span;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Cost Explorer's total of complete calendar months without tax (the configured metric,
 * {@code Not RECORD_TYPE = Tax}; LINKED_ACCOUNT through the payer's bill when {@code cost.payer-account}
 * is set): what an invoice's total before tax is reconciled with (docs/checks.md, billing rules). Asked
 * once per month and account, then kept in {@link CostCache} like every Cost Explorer figure (each
 * request costs 0.01 USD and is counted by {@link CostExplorerUsage}).
 */
@Component
public class PretaxMonths {

    private final CostCache cache;
    private final CostProperties properties;
    private final CostExplorerReader reader;

    /** The cache is injected lazily: modules (which use this) are built before the database is migrated. */
    public PretaxMonths(@Lazy CostCache cache, CostExplorerUsage usage, CostProperties properties) {
        this.cache = cache;
        this.properties = properties;
        this.reader = new CostExplorerReader(cache, usage, properties);
    }

    /**
     * Asks Cost Explorer for those of {@code months} (complete months before the as-of date's month;
     * others are ignored) the cache lacks; a failure is a coverage gap ({@code ce GetCostAndUsage}).
     */
    public void ensure(ReadContext ctx, Collection<YearMonth> months) {
        YearMonth current = YearMonth.from(ctx.asOf());
        List<Span> spans = months.stream().filter(m -> m.isBefore(current)).distinct().sorted()
                .map(m -> new Span(m.atDay(1), m.plusMonths(1).atDay(1))).toList();
        reader.ensureMonthsWithoutTax(ctx, spans);
    }

    /**
     * The stored totals of {@code accountId}'s months in [{@code from}, {@code to}), per currency
     * (units never mixed); a month Cost Explorer was not asked about is absent.
     */
    public Map<YearMonth, Map<String, BigDecimal>> totals(String accountId, YearMonth from, YearMonth to) {
        Map<YearMonth, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        LocalDate start = from.atDay(1);
        cache.load(new CostCache.Series(accountId, properties.costScope(), properties.costMetric(),
                        CostCache.Granularity.MONTHLY_PRETAX), start, to.atDay(1))
                .forEach((day, stored) -> {
                    if (stored.period().end().equals(day.plusMonths(1))) out.put(YearMonth.from(day), stored.period().totals());
                });
        return out;
    }

    /** The metric the totals are of, e.g. {@code UnblendedCost}. */
    public String metric() {
        return properties.costMetric().apiName();
    }
}
