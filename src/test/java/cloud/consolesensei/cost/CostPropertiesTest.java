package cloud.consolesensei.cost;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** Binding and validation of {@code consolesensei.cost.*} as Spring Boot does it. */
class CostPropertiesTest {

    @Configuration
    @EnableConfigurationProperties(CostProperties.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    @Test
    void defaultsToUnblendedCostWithoutPayer() {
        runner.run(ctx -> {
            CostProperties p = ctx.getBean(CostProperties.class);
            assertThat(p.costMetric()).isEqualTo(CostMetric.UNBLENDED_COST);
            assertThat(p.payerAccount()).isNull();
            assertThat(p.costScope()).isEqualTo("own");
        });
    }

    @Test
    void bindsMetricAndPayer() {
        runner.withPropertyValues("consolesensei.cost.metric=NetAmortizedCost",
                "consolesensei.cost.payer-account=999999999999").run(ctx -> {
            CostProperties p = ctx.getBean(CostProperties.class);
            assertThat(p.costMetric()).isEqualTo(CostMetric.NET_AMORTIZED_COST);
            assertThat(p.costMetric().forecastMetric().toString()).isEqualTo("NET_AMORTIZED_COST");
            assertThat(p.costScope()).isEqualTo("linked:999999999999");
        });
    }

    @Test
    void unknownMetricIsAConfigurationErrorNamingKeyValueAndAllowedValues() {
        runner.withPropertyValues("consolesensei.cost.metric=NetUnblendedCost${x}").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(rootMessages(ctx.getStartupFailure())).contains("consolesensei.cost.metric",
                    "UnblendedCost, AmortizedCost, NetAmortizedCost, BlendedCost");
        });
        runner.withPropertyValues("consolesensei.cost.metric=Usage").run(ctx ->
                assertThat(rootMessages(ctx.getStartupFailure())).contains("'Usage' is not a supported Cost Explorer metric"));
    }

    @Test
    void payerAccountMustBe12Digits() {
        runner.withPropertyValues("consolesensei.cost.payer-account=12345").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(rootMessages(ctx.getStartupFailure())).contains("consolesensei.cost.payer-account must be a 12-digit");
        });
    }

    private static String rootMessages(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) b.append(c.getMessage()).append('\n');
        return b.toString();
    }
}
