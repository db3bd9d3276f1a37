package cloud.consolesensei.cost;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount as Cost Explorer gives it: the exact decimal (parsed from its string, never through a
 * double) and its unit ({@code USD}, or another currency the bill is kept in).
 *
 * @param amount exact amount; may be negative (credits, refunds)
 * @param unit   the {@code Unit} Cost Explorer reported, e.g. {@code USD}
 */
public record Money(BigDecimal amount, String unit) {

    /** The unit every threshold and {@code monthly_cost_usd} is in. */
    public static final String USD = "USD";

    public Money {
        Objects.requireNonNull(amount, "amount");
        unit = unit == null || unit.isBlank() ? USD : unit;
    }

    /** Parses Cost Explorer's {@code Amount} string (e.g. {@code "-0.0000000289"}); a missing amount is zero. */
    public static Money parse(String amount, String unit) {
        return new Money(amount == null || amount.isBlank() ? BigDecimal.ZERO : new BigDecimal(amount.trim()), unit);
    }

    public static Money usd(BigDecimal amount) {
        return new Money(amount, USD);
    }

    public boolean isUsd() {
        return USD.equals(unit);
    }

    /** Sum of two amounts of the same unit. @throws IllegalArgumentException for different units */
    public Money plus(Money other) {
        if (!unit.equals(other.unit)) {
            throw new IllegalArgumentException("cannot add " + other.unit + " to " + unit);
        }
        return new Money(amount.add(other.amount), unit);
    }

    /** e.g. {@code 1,234.56 USD}. */
    @Override
    public String toString() {
        return CostFormat.money(amount, unit);
    }
}
