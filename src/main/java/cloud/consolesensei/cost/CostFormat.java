package cloud.consolesensei.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The one formatter of money and percentages in text (finding details, emails, pages, logs): an amount
 * is written {@code 1,234.56 USD}, the catalog's own style, whatever the currency (locale-independent).
 * Workbook cells keep amounts as numbers with a number format instead.
 */
public final class CostFormat {

    private CostFormat() {
    }

    /**
     * {@code 1234.5678} -> {@code 1,234.57}; an amount that is not zero but rounds to it (a credit
     * residue such as -0.0000000289) is shown exactly rather than as a misleading {@code -0.00}.
     */
    public static String amount(BigDecimal v) {
        if (v.signum() != 0 && v.abs().compareTo(new BigDecimal("0.005")) < 0) {
            return v.stripTrailingZeros().toPlainString();
        }
        return CENTS.get().format(v);
    }

    /**
     * One format per thread (a DecimalFormat is not thread-safe): building one parses its pattern and
     * copies the locale's symbols, and finding details format an amount for most snapshot and volume
     * findings (String.format there was 2 % of an audit's collect CPU).
     */
    private static final ThreadLocal<DecimalFormat> CENTS = ThreadLocal.withInitial(() -> {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    });

    /** {@code 1234.5678} -> {@code 1,234.57 USD} ({@link #amount}). */
    public static String usd(BigDecimal v) {
        return money(v, Money.USD);
    }

    /** {@code 1234.5678, "EUR"} -> {@code 1,234.57 EUR} ({@link #amount}, then the unit as AWS names it). */
    public static String money(BigDecimal v, String unit) {
        return amount(v) + " " + unit;
    }

    /** {@code 41.66666} -> {@code 41.7}. */
    public static String percent(BigDecimal v) {
        return v.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
