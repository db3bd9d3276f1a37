package cloud.consolesensei.usage;

/**
 * One CloudWatch metric of one resource, read as one daily statistic (a GetMetricData
 * MetricDataQuery with a MetricStat).
 *
 * @param resourceId    the dimension value: instance or volume id
 * @param namespace     {@code AWS/EC2} or {@code AWS/EBS}
 * @param metricName    e.g. {@code CPUUtilization}
 * @param dimensionName {@code InstanceId} or {@code VolumeId}
 * @param stat          {@code Average} or {@code Sum}
 */
public record MetricQuery(String resourceId, String namespace, String metricName, String dimensionName, String stat) {

    /** An {@code AWS/EC2} metric of an instance, by InstanceId. */
    public static MetricQuery instance(String instanceId, String metricName, String stat) {
        return new MetricQuery(instanceId, "AWS/EC2", metricName, "InstanceId", stat);
    }

    /** An {@code AWS/EBS} metric of a volume, by VolumeId. */
    public static MetricQuery volume(String volumeId, String metricName, String stat) {
        return new MetricQuery(volumeId, "AWS/EBS", metricName, "VolumeId", stat);
    }
}
