package cloud.consolesensei.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Typed binding of {@code consolesensei.cost.*}; validated with the rest of the configuration
 * ({@link #problems}, called by {@code ConfigValidator}), before anything runs.
 *
 * @param metric       Cost Explorer metric: {@code UnblendedCost} (default), {@code AmortizedCost},
 *                     {@code NetAmortizedCost} or {@code BlendedCost}; anything else is a configuration
 *                     error whose message names the key, the value and the allowed values
 * @param payerAccount optional 12-digit ID of the Organization's payer (management) account: when set,
 *                     every Cost Explorer request is filtered on dimension {@code LINKED_ACCOUNT} = the
 *                     audited account, so a member account seen through the payer's consolidated bill
 *                     gets only its own costs
 */
@ConfigurationProperties(prefix = CostProperties.PREFIX)
public record CostProperties(String metric, String payerAccount) {

    /** The configuration keys' prefix. */
    public static final String PREFIX = "consolesensei.cost";

    /** The default metric. */
    public static final String DEFAULT_METRIC = CostMetric.UNBLENDED_COST.apiName();

    public CostProperties {
        if (metric == null || metric.isBlank()) metric = DEFAULT_METRIC;
        if (payerAccount != null && payerAccount.isBlank()) payerAccount = null;
    }

    /** Defaults: UnblendedCost, no payer filter. */
    public static CostProperties defaults() {
        return new CostProperties(null, null);
    }

    /**
     * One line per bad value, each naming the key, the value and what is allowed.
     *
     * @param at the origin of a key ({@code audit.yml:12:5: }), or an empty string when unknown
     */
    public List<String> problems(Function<String, String> at) {
        List<String> problems = new ArrayList<>();
        if (!CostMetric.allowed().contains(metric)) {
            problems.add(at.apply(PREFIX + ".metric") + CostMetric.invalidMessage(metric));
        }
        if (payerAccount != null && !payerAccount.matches("\\d{12}")) {
            problems.add(at.apply(PREFIX + ".payer-account") + PREFIX + ".payer-account: '" + payerAccount
                    + "' is not an AWS account ID (12 digits, e.g. '123456789012'; quote it in YAML)");
        }
        return problems;
    }

    /** The configured metric. @throws IllegalArgumentException when it is not allowed (validation catches that first) */
    public CostMetric costMetric() {
        return CostMetric.of(metric);
    }

    /**
     * What the cached figures are costs of: {@code own} (the account's own view), or
     * {@code linked:<payer>} (filtered on LINKED_ACCOUNT through the payer's bill). Part of the
     * cache key, so changing the setting never serves figures of the other view.
     */
    public String costScope() {
        return payerAccount == null ? "own" : "linked:" + payerAccount;
    }
}
