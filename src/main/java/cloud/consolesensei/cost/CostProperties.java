package cloud.consolesensei.cost;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Typed binding of {@code consolesensei.cost.*}.
 *
 * @param metric       Cost Explorer metric: {@code UnblendedCost} (default), {@code AmortizedCost},
 *                     {@code NetAmortizedCost} or {@code BlendedCost}; anything else is a configuration
 *                     error whose message names the key, the value and the allowed values
 * @param payerAccount optional 12-digit ID of the Organization's payer (management) account: when set,
 *                     every Cost Explorer request is filtered on dimension {@code LINKED_ACCOUNT} = the
 *                     audited account, so a member account seen through the payer's consolidated bill
 *                     gets only its own costs
 */
@ConfigurationProperties(prefix = "consolesensei.cost")
@Validated
public record CostProperties(
        @CostProperties.AllowedMetric String metric,
        @Pattern(regexp = "\\d{12}", message = "consolesensei.cost.payer-account must be a 12-digit AWS account ID")
        String payerAccount) {

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

    /** Bean Validation constraint: the value is one of {@link CostMetric#allowed()}. */
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = MetricValidator.class)
    public @interface AllowedMetric {
        String message() default "consolesensei.cost.metric is not a supported Cost Explorer metric";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Validates {@link AllowedMetric} with a message naming the key, the value and the allowed values. */
    public static final class MetricValidator implements ConstraintValidator<AllowedMetric, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || CostMetric.allowed().contains(value)) return true;
            context.disableDefaultConstraintViolation();
            // The template language treats { } $ \ specially: escape the user's value.
            String escaped = CostMetric.invalidMessage(value).replaceAll("([\\\\{}$])", "\\\\$1");
            context.buildConstraintViolationWithTemplate(escaped).addConstraintViolation();
            return false;
        }
    }
}
