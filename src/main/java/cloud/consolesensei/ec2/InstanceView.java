package cloud.consolesensei.ec2;

import java.util.List;

import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * An instance as the EC2 checks see it.
 *
 * @param instance        the instance (DescribeInstances)
 * @param attachedVolumes for a stopped instance, its attached volumes (DescribeVolumes filtered by
 *                        attachment.instance-id); {@code null} for other states or when that read
 *                        failed (a coverage gap was recorded)
 */
public record InstanceView(Instance instance, List<Volume> attachedVolumes) {

    public InstanceView {
        attachedVolumes = attachedVolumes == null ? null : List.copyOf(attachedVolumes);
    }

    /** The instance state name as AWS sent it ({@code running}, {@code stopped}, ...), or {@code null}. */
    public String state() {
        return instance.state() == null ? null : instance.state().nameAsString();
    }

    /** The instance's public IPv4 address, or {@code null} when it has none. */
    public String publicIp() {
        String ip = instance.publicIpAddress();
        return ip == null || ip.isBlank() ? null : ip;
    }
}
