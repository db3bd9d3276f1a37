package cloud.consolesensei.cost;

import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.collect.ServiceModule;

import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The Cost Explorer capability: one global source per account ({@link CostSource}) with the three
 * cost checks, the Costs sheet ({@link CostsSheet}) and its Summary figures. Results are kept in the
 * database ({@link CostCache}) because every Cost Explorer request costs 0.01 USD.
 */
@Component
@EnableConfigurationProperties(CostProperties.class)
public class CostModule implements ServiceModule {

    private final CostSource source;

    /** The cache is injected lazily: the catalog (and so this module) is needed before the database is migrated. */
    public CostModule(@Lazy CostCache cache, CostExplorerUsage usage, CostProperties properties) {
        this.source = new CostSource(cache, usage, properties);
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public List<ResourceSource<?>> sources() {
        return List.of(source);
    }
}
