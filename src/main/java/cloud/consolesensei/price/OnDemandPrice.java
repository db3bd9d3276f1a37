package cloud.consolesensei.price;

import java.math.BigDecimal;

/**
 * An EC2 instance's on-demand hourly price from the AWS Price List, or why there is none.
 *
 * @param hourlyUsd USD per instance-hour, or {@code null} when unknown
 * @param sku       the Price List product's SKU, or {@code null}
 * @param note      why the price is unknown (for the finding's detail), or {@code null}
 */
public record OnDemandPrice(BigDecimal hourlyUsd, String sku, String note) {

    /** Hours in the average month, as AWS's pricing pages count them. */
    public static final BigDecimal HOURS_PER_MONTH = BigDecimal.valueOf(730);

    /** A price that could not be found or read, and why. */
    public static OnDemandPrice unknown(String note) {
        return new OnDemandPrice(null, null, note);
    }

    /** True when the price is known. */
    public boolean known() {
        return hourlyUsd != null;
    }

    /** The month's cost (hourly x 730), or why it is unknown ({@link MonthlyCost}). */
    public MonthlyCost monthly() {
        return hourlyUsd == null ? MonthlyCost.unknown(note) : MonthlyCost.of(hourlyUsd.multiply(HOURS_PER_MONTH));
    }

    /** USD per month (hourly x 730), or {@code null} when unknown. */
    public BigDecimal monthlyUsd() {
        return hourlyUsd == null ? null : hourlyUsd.multiply(HOURS_PER_MONTH);
    }
}
