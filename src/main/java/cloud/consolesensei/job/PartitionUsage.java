package cloud.consolesensei.job;

import cloud.consolesensei.logging.AwsCallCounter;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.stereotype.Component;

/**
 * Keeps in each collect partition's step execution context, at every chunk commit (in the chunk's
 * transaction, so before the partition can be seen COMPLETED): the AWS API calls it made, every
 * {@link PartitionCounted} count (Cost Explorer requests, GetMetricData calls and metrics
 * requested, Price List calls and cached prices), under {@code usage.<name>}, and the process that
 * ran it ({@code pid@host}). A partition resumed after a crash adds to the counts its last committed
 * chunk saved. In remote mode this is how the workers' figures reach the manager's run summary:
 * through the shared job repository, not the broker ({@link #counts}). Stateless (the base counts
 * live in the context), so one instance serves every partition thread.
 */
@Component
public class PartitionUsage implements ItemStream {

    /** Context key: AWS API calls made by the partition (operation calls, retries not counted). */
    public static final String AWS_CALLS = "usage.aws-calls";
    /** Context key: the process that last ran the partition, {@code pid@host}. */
    public static final String PROCESS = "usage.process";

    private static final String PREFIX = "usage.";
    private static final String BASE = "usage.base.";

    private final String process = ManagementFactory.getRuntimeMXBean().getName();
    private final List<PartitionCounted> counted;

    /** @param counted every capability whose counts a partition keeps */
    public PartitionUsage(List<PartitionCounted> counted) {
        this.counted = counted;
    }

    @Override
    public void open(ExecutionContext ec) {
        ec.putLong(BASE + "aws-calls", ec.getLong(AWS_CALLS, 0L));
        for (PartitionCounted c : counted) {
            for (String name : c.counter().names()) ec.putLong(BASE + name, ec.getLong(PREFIX + name, 0L));
            c.counter().resetThread();
        }
    }

    @Override
    public void update(ExecutionContext ec) {
        ec.putLong(AWS_CALLS, ec.getLong(BASE + "aws-calls", 0L) + AwsCallCounter.count());
        for (PartitionCounted c : counted) {
            c.counter().threadCounts().forEach((name, n) -> ec.putLong(PREFIX + name, ec.getLong(BASE + name, 0L) + n));
        }
        ec.putString(PROCESS, process);
    }

    /**
     * The counts named {@code names} that one partition kept in its context ({@code ec}), by name;
     * 0 for a count it never kept.
     */
    public static Map<String, Long> counts(ExecutionContext ec, List<String> names) {
        Map<String, Long> m = new java.util.LinkedHashMap<>();
        for (String name : names) m.put(name, ec.getLong(PREFIX + name, 0L));
        return m;
    }
}
