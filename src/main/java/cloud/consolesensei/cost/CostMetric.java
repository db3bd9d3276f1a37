package cloud.consolesensei.cost;

import java.util.Arrays;
import java.util.List;

import software.amazon.awssdk.services.costexplorer.model.Metric;

/**
 * The Cost Explorer cost metrics a run may use ({@code consolesensei.cost.metric}). Each has two
 * spellings in the Cost Explorer API: {@code GetCostAndUsage} takes and answers with the
 * PascalCase name ({@code UnblendedCost}), {@code GetCostForecast} takes the enum
 * ({@code UNBLENDED_COST}).
 */
public enum CostMetric {
    UNBLENDED_COST("UnblendedCost"),
    AMORTIZED_COST("AmortizedCost"),
    NET_AMORTIZED_COST("NetAmortizedCost"),
    BLENDED_COST("BlendedCost");

    /** The configuration value and the metric key of GetCostAndUsage requests and answers. */
    private final String apiName;

    CostMetric(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    /** The {@code Metric} of a GetCostForecast request. */
    public Metric forecastMetric() {
        return Metric.valueOf(name());
    }

    /** The allowed configuration values, in documentation order. */
    public static List<String> allowed() {
        return Arrays.stream(values()).map(CostMetric::apiName).toList();
    }

    /**
     * The metric named {@code value} (exact PascalCase name).
     *
     * @throws IllegalArgumentException naming the key, the value and the allowed values
     */
    public static CostMetric of(String value) {
        return Arrays.stream(values()).filter(m -> m.apiName.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(invalidMessage(value)));
    }

    static String invalidMessage(String value) {
        return "consolesensei.cost.metric: '" + value + "' is not a supported Cost Explorer metric; allowed: "
                + String.join(", ", allowed());
    }
}
