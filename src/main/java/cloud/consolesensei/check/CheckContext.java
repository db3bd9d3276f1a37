package cloud.consolesensei.check;

import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;
import cloud.consolesensei.price.PriceTable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a check knows besides the resource: whose account and which region it is auditing, the
 * as-of date (UTC; checks never read a clock), thresholds and the bundled price table.
 *
 * @param accountId   12-digit AWS account ID
 * @param accountName configured account name (or the account ID)
 * @param region      region being audited, or {@link Finding#GLOBAL}
 * @param asOf        the audit's as-of date, UTC
 * @param settings    effective thresholds
 * @param prices      bundled price table
 */
public record CheckContext(String accountId, String accountName, String region, LocalDate asOf,
                          CheckSettings settings, PriceTable prices) {

    /** Starts a finding of {@code check} about {@code resourceId} in this context's region. */
    public FindingBuilder finding(CheckDefinition check, String resourceId) {
        return new FindingBuilder(this, check, resourceId);
    }

    /** Fluent builder that fills account, region, service and title from the context and catalog. */
    public static final class FindingBuilder {
        private final CheckContext ctx;
        private final CheckDefinition check;
        private final String resourceId;
        private String region;
        private Severity severity;
        private String detail = "";
        private BigDecimal cost;

        private FindingBuilder(CheckContext ctx, CheckDefinition check, String resourceId) {
            this.ctx = ctx;
            this.check = check;
            this.resourceId = resourceId;
            this.region = ctx.region();
            this.severity = check.severity();
        }

        public FindingBuilder severity(Severity s) { this.severity = s; return this; }
        public FindingBuilder detail(String d) { this.detail = d; return this; }
        /**
         * Monthly money, USD (savings or a cost alert, as the check's {@link MoneyKind} says);
         * {@code null} keeps the cost empty.
         *
         * @throws IllegalStateException for an amount on a check declared {@link MoneyKind#NONE}:
         *                               it would count in neither sum
         */
        public FindingBuilder monthlyCostUsd(BigDecimal c) {
            if (c != null && check.money() == MoneyKind.NONE) {
                throw new IllegalStateException("check " + check.id() + " has a cost but declares MoneyKind.NONE");
            }
            this.cost = c;
            return this;
        }
        /** Overrides the context's region (e.g. a bucket audited in its own region). */
        public FindingBuilder region(String r) { this.region = r; return this; }

        public Finding build() {
            return new Finding(ctx.accountId(), region, check.service(), check.resourceType(), resourceId,
                    check.id(), severity, check.title(), detail, cost);
        }
    }
}
