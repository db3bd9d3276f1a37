package cloud.consolesensei.ebs;

import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.collect.ServiceModule;

import java.util.List;

import org.springframework.stereotype.Component;

/** The EBS capability: volumes, own snapshots and the region's encryption-by-default setting. */
@Component
public class EbsModule implements ServiceModule {

    private final List<ResourceSource<?>> sources = List.of(new VolumeSource(), new SnapshotSource(),
            new DefaultEncryptionSource());

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<ResourceSource<?>> sources() {
        return sources;
    }
}
