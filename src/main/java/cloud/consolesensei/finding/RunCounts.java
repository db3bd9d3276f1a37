package cloud.consolesensei.finding;

import cloud.consolesensei.check.MoneyKind;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * A run's figures for some accounts, as {@link RunHistory} reads them.
 *
 * @param bySeverity seen findings (NEW or OPEN) by severity; every severity present, 0 when none
 * @param newCount   NEW findings (first seen, or reopened, in this run)
 * @param resolved   findings RESOLVED by this run
 * @param suppressed SUPPRESSED findings (muted: not in the other figures)
 * @param savings    savings of the seen findings ({@link MoneyKind#SAVINGS} checks), USD per month,
 *                   each resource counted once at its largest figure; 2 decimals
 * @param costAlerts cost alerts of the seen findings ({@link MoneyKind#COST_ALERT} checks), USD,
 *                   each resource counted once at its largest figure; 2 decimals; never added to
 *                   {@code savings}
 */
public record RunCounts(Map<Severity, Integer> bySeverity, int newCount, int resolved, int suppressed,
                        BigDecimal savings, BigDecimal costAlerts) {

    /** Seen findings, all severities. */
    public int total() {
        return bySeverity.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Count of one severity. */
    public int of(Severity s) {
        return bySeverity.getOrDefault(s, 0);
    }

    /** No findings: every severity 0, both sums 0.00 USD. */
    public static RunCounts empty() {
        return new RunCounts(zeros(), 0, 0, 0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));
    }

    /** The figures of several account sets added up (each figure summed; savings and cost alerts apart). */
    public static RunCounts sum(Collection<RunCounts> all) {
        Map<Severity, Integer> sev = zeros();
        int fresh = 0;
        int resolved = 0;
        int suppressed = 0;
        BigDecimal savings = BigDecimal.ZERO.setScale(2);
        BigDecimal alerts = BigDecimal.ZERO.setScale(2);
        for (RunCounts c : all) {
            c.bySeverity().forEach((k, v) -> sev.merge(k, v, Integer::sum));
            fresh += c.newCount();
            resolved += c.resolved();
            suppressed += c.suppressed();
            savings = savings.add(c.savings());
            alerts = alerts.add(c.costAlerts());
        }
        return new RunCounts(sev, fresh, resolved, suppressed, savings, alerts);
    }

    /** Every severity mapped to 0, in severity order (mutable, for the callers that add to it). */
    static Map<Severity, Integer> zeros() {
        Map<Severity, Integer> m = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) m.put(s, 0);
        return m;
    }
}
