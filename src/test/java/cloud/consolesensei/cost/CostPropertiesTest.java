package cloud.consolesensei.cost;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * Binding of {@code consolesensei.cost.*} as Spring Boot does it; its validation is ConfigValidator's, with the
 * rest of the configuration ({@code ConfigValidatorTest}).
 */
class CostPropertiesTest {

    @Configuration
    @EnableConfigurationProperties(CostProperties.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
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
}
