package cloud.consolesensei.check;

/**
 * What a check's {@code monthly_cost_usd} means (docs/checks.md, "Savings and cost alerts"). The two
 * kinds are different money and are never added together: reports, emails and the API show a
 * savings sum and a cost-alerts sum side by side.
 */
public enum MoneyKind {

    /**
     * Waste with a monthly figure someone can act on (USD per month): summed with each resource
     * counted once, at its largest figure (an old snapshot that is also orphaned is one saving).
     */
    SAVINGS,

    /**
     * Spend that rose or will pass a limit (USD): a signal to look at, not money to be saved.
     */
    COST_ALERT,

    /** The check has no cost side; its findings never carry a {@code monthly_cost_usd}. */
    NONE
}
