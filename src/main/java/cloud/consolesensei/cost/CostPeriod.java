package cloud.consolesensei.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Cost Explorer time period ({@code ResultsByTime[]} element): a month, the month to date, or a day.
 *
 * @param start     first day (inclusive), UTC
 * @param end       end day (exclusive, as Cost Explorer's {@code TimePeriod.End})
 * @param estimated Cost Explorer's {@code Estimated} flag: the figures may still change
 * @param amounts   by group key (the SERVICE value), or {@link #TOTAL} for an ungrouped total; a group
 *                  absent from the map cost nothing in this period
 */
public record CostPeriod(LocalDate start, LocalDate end, boolean estimated, Map<String, Money> amounts) {

    /** Key of an ungrouped period's total (daily series). */
    public static final String TOTAL = "(total)";

    public CostPeriod {
        amounts = Collections.unmodifiableMap(new LinkedHashMap<>(amounts));
    }

    /** The group's amount, or zero of {@code unit} when the group had no cost in this period. */
    public Money amount(String key, String unit) {
        Money m = amounts.get(key);
        return m == null ? new Money(BigDecimal.ZERO, unit) : m;
    }

    /** The ungrouped total, or the sum of the groups, per unit (never mixing currencies), units sorted. */
    public Map<String, BigDecimal> totals() {
        Map<String, BigDecimal> t = new TreeMap<>();
        if (amounts.containsKey(TOTAL)) {
            Money m = amounts.get(TOTAL);
            t.put(m.unit(), m.amount());
            return t;
        }
        amounts.values().forEach(m -> t.merge(m.unit(), m.amount(), BigDecimal::add));
        return t;
    }

    /** The USD total, or {@code null} when part of the period is in another currency (not comparable in USD). */
    public BigDecimal usdTotal() {
        Map<String, BigDecimal> t = totals();
        if (t.isEmpty()) return BigDecimal.ZERO;
        return t.size() == 1 && t.containsKey(Money.USD) ? t.get(Money.USD) : null;
    }
}
