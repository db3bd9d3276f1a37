package cloud.consolesensei.notify;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Formats amounts as the email prints them: {@code USD 1,234.56} (2 decimals, half-up). */
final class Usd {

    private Usd() {
    }

    /** {@code USD 1,234.56}; an empty string for null (no cost side, or price unknown). */
    static String format(BigDecimal amount) {
        if (amount == null) return "";
        return "USD " + String.format(Locale.ROOT, "%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
    }
}
