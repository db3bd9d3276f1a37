package cloud.consolesensei.ebs;

import cloud.consolesensei.usage.VolumeMetrics;

import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * A volume as the EBS checks see it.
 *
 * @param volume      the volume (DescribeVolumes)
 * @param metrics     for an {@code in-use} volume, its daily CloudWatch figures; {@code null} when not
 *                    read (another state, {@code ebs.volume_idle} disabled) or unreadable
 * @param metricsNote why {@code metrics} is null for an in-use volume whose read failed, else {@code null}
 */
public record VolumeView(Volume volume, VolumeMetrics metrics, String metricsNote) {

    /** A view without usage figures. */
    public static VolumeView of(Volume volume) {
        return new VolumeView(volume, null, null);
    }
}
