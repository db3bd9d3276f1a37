package cloud.consolesensei.autoscaling;

import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.collect.ServiceModule;

import java.util.List;

import org.springframework.stereotype.Component;

/** The Auto Scaling capability: groups per region and their checks. */
@Component
public class AutoScalingModule implements ServiceModule {

    private final AutoScalingGroupSource groups = new AutoScalingGroupSource();

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<ResourceSource<?>> sources() {
        return List.of(groups);
    }
}
