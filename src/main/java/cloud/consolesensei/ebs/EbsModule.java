package cloud.consolesensei.ebs;

import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.collect.ServiceModule;
import cloud.consolesensei.usage.MetricDataUsage;

import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The EBS capability: volumes (with their CloudWatch usage), own snapshots and the region's encryption-by-default setting. */
@Component
public class EbsModule implements ServiceModule {

    private final List<ResourceSource<?>> sources;

    /** Without run counters (catalog listings, tests). */
    public EbsModule() {
        this(new MetricDataUsage());
    }

    /** @param metricUsage counts GetMetricData calls and metrics for the run summary */
    @Autowired
    public EbsModule(MetricDataUsage metricUsage) {
        this.sources = List.of(new VolumeSource(metricUsage), new SnapshotSource(), new DefaultEncryptionSource());
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<ResourceSource<?>> sources() {
        return sources;
    }
}
