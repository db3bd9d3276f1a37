package cloud.consolesensei.ec2;

import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.collect.ServiceModule;
import cloud.consolesensei.price.PriceList;
import cloud.consolesensei.price.PriceListCache;
import cloud.consolesensei.price.PriceListUsage;
import cloud.consolesensei.usage.MetricDataUsage;

import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** The EC2 capability: instances (with their CloudWatch usage and on-demand price), Elastic IPs and security groups. */
@Component
public class Ec2Module implements ServiceModule {

    private final List<ResourceSource<?>> sources;

    /** Without database or run counters (catalog listings, tests). */
    public Ec2Module() {
        this(new InstanceSource());
    }

    /** The price cache is injected lazily: the catalog (and so this module) is needed before the database is migrated. */
    @Autowired
    public Ec2Module(@Lazy PriceListCache prices, MetricDataUsage metricUsage, PriceListUsage priceUsage) {
        this(new InstanceSource(metricUsage, new PriceList(prices, priceUsage)));
    }

    private Ec2Module(InstanceSource instances) {
        this.sources = List.of(instances, new AddressSource(), new SecurityGroupSource());
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<ResourceSource<?>> sources() {
        return sources;
    }
}
