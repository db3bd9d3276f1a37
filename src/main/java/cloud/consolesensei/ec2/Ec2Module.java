package cloud.consolesensei.ec2;

import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.collect.ServiceModule;

import java.util.List;

import org.springframework.stereotype.Component;

/** The EC2 capability: instances, Elastic IPs and security groups. */
@Component
public class Ec2Module implements ServiceModule {

    private final List<ResourceSource<?>> sources = List.of(new InstanceSource(), new AddressSource(),
            new SecurityGroupSource());

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<ResourceSource<?>> sources() {
        return sources;
    }
}
