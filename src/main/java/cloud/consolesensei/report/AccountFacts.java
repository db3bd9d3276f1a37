package cloud.consolesensei.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
     * @param value a {@link BigDecimal} amount, a {@link Ratio}, a String, or null when unknown
     * @param usd   true when {@code value} is an amount in USD (formatted as currency)
     */
    record Fact(String label, Object value, boolean usd) {
    }

    /**
     * A percentage, kept as the number it is: the workbook stores the fraction with a percent format
     * (so it sorts and sums), the email prints it as {@code 21.0 %}.
     *
     * @param fraction the ratio, e.g. 0.21 for 21 %
     */
    record Ratio(BigDecimal fraction) {

        /** {@code 21.0 %}: one decimal, half-up. */
        @Override
        public String toString() {
            return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
        }
    }

    /** Figures for one account of the scope, in display order; empty when none. */
    List<Fact> facts(String accountId, ReportScope scope);
}
