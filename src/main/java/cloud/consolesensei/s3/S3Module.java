package cloud.consolesensei.s3;

import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.collect.ServiceModule;

import java.util.List;

import org.springframework.stereotype.Component;

/** The S3 capability: buckets (audited in their own regions) and the account's public access block. */
@Component
public class S3Module implements ServiceModule {

    private final S3BucketSource buckets = new S3BucketSource();

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<ResourceSource<?>> sources() {
        return List.of(buckets);
    }
}
