package cloud.consolesensei.ec2;

import cloud.consolesensei.price.OnDemandPrice;
import cloud.consolesensei.usage.InstanceMetrics;

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
 * @param metrics         for a running instance, its daily CloudWatch figures; {@code null} when not
 *                        read (another state, {@code ec2.instance_idle} disabled) or unreadable
 * @param metricsNote     why {@code metrics} is null for a running instance whose read failed, else {@code null}
 * @param price           for a running instance, its on-demand price or why it is unknown; {@code null}
 *                        when not looked up
 */
public record InstanceView(Instance instance, List<Volume> attachedVolumes, InstanceMetrics metrics,
                           String metricsNote, OnDemandPrice price) {

    public InstanceView {
        attachedVolumes = attachedVolumes == null ? null : List.copyOf(attachedVolumes);
    }

    /** A view without usage figures or price. */
    public InstanceView(Instance instance, List<Volume> attachedVolumes) {
        this(instance, attachedVolumes, null, null, null);
    }

    /** This view with the instance's usage figures (or why they are unknown) and price. */
    public InstanceView withUsage(InstanceMetrics m, String note, OnDemandPrice p) {
        return new InstanceView(instance, attachedVolumes, m, note, p);
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
