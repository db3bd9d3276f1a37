package cloud.consolesensei.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Formatting of amounts and percentages in finding details (locale-independent). */
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
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(v);
    }

    /** {@code 41.66666} -> {@code 41.7}. */
    public static String percent(BigDecimal v) {
        return v.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
