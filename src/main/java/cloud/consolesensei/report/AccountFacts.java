package cloud.consolesensei.report;

import java.util.List;

/**
 * Per-account headline figures a capability adds to the Summary sheet and the email
 * (e.g. month to date, last month, forecast, budget from the cost package).
 */
public interface AccountFacts {

    /**
     * One figure.
     *
     * @param label e.g. "Month to date (USD)"
     * @param value a {@link java.math.BigDecimal} amount, a String, or null when unknown
     * @param usd   true when {@code value} is an amount in USD (formatted as currency)
     */
    record Fact(String label, Object value, boolean usd) {
    }

    /** Figures for one account of the scope, in display order; empty when none. */
    List<Fact> facts(String accountId, ReportScope scope);
}
