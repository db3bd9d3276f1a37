package cloud.consolesensei.ec2;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsResponse;
import software.amazon.awssdk.services.ec2.model.InstanceState;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Volume;

/** Model builders shared by the EC2 check tests. */
final class Ec2Fixtures {

    static final String ID = "i-0123456789abcdef0";

    private Ec2Fixtures() {
    }

    static List<Tag> tags(String... kv) {
        List<Tag> out = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) out.add(Tag.builder().key(kv[i]).value(kv[i + 1]).build());
        return out;
    }

    static Instance.Builder instance(String type, String state) {
        return Instance.builder().instanceId(ID).instanceType(type)
                .state(InstanceState.builder().name(state).build())
                .tags(tags("Owner", "a", "CostCenter", "b"));
    }

    static InstanceView view(Instance.Builder b) {
        return new InstanceView(b.build(), null);
    }

    static InstanceView stopped(String reason, List<Volume> volumes) {
        return new InstanceView(instance("m5.large", "stopped").stateTransitionReason(reason).build(), volumes);
    }

    static InstanceMetadataOptionsResponse tokens(String httpTokens) {
        return InstanceMetadataOptionsResponse.builder().httpTokens(httpTokens).httpEndpoint("enabled").build();
    }
}
