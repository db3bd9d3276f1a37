package cloud.consolesensei.price;

import cloud.consolesensei.cost.CostFormat;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A monthly amount in USD, or why it is unknown: the one "unknown" of money in this program. An amount
 * that cannot be priced (a price the table lacks, an unknown volume type, a size AWS did not report, an
 * on-demand price not found) is never zero: it has no amount and a note the finding's detail says instead.
 *
 * @param monthlyUsd USD per month, unrounded, or {@code null} when unknown
 * @param note       why the amount is unknown (for the finding detail), or {@code null} when known
 */
public record MonthlyCost(BigDecimal monthlyUsd, String note) {

    /** A known amount. */
    public static MonthlyCost of(BigDecimal monthlyUsd) {
        return new MonthlyCost(monthlyUsd, null);
    }

    /** An unknown amount, and why. */
    public static MonthlyCost unknown(String note) {
        return new MonthlyCost(null, note);
    }

    /** A zero amount (e.g. no volumes). */
    public static MonthlyCost zero() {
        return of(BigDecimal.ZERO);
    }

    /** True when the amount is known. */
    public boolean known() {
        return monthlyUsd != null;
    }

    /** This plus {@code other}; unknown if either is unknown (keeping the first note). */
    public MonthlyCost plus(MonthlyCost other) {
        if (!known()) return this;
        if (!other.known()) return other;
        return of(monthlyUsd.add(other.monthlyUsd));
    }

    /** The inventory cell: the amount rounded half-up to cents, or {@code null} (an empty cell) when unknown. */
    public BigDecimal cell() {
        return known() ? monthlyUsd.setScale(2, RoundingMode.HALF_UP) : null;
    }

    /** {@code "<lead> 1,234.56 USD/month."} when known ({@link CostFormat#usd}), else the note. */
    public String sentence(String lead) {
        return known() ? lead + " " + CostFormat.usd(monthlyUsd) + "/month." : note;
    }
}
