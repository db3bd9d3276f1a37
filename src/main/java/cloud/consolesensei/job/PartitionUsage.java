package cloud.consolesensei.job;

import cloud.consolesensei.cost.CostExplorerUsage;
import cloud.consolesensei.logging.AwsCallCounter;

import java.lang.management.ManagementFactory;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.stereotype.Component;

/**
 * Keeps in each collect partition's step execution context, at every chunk commit (in the chunk's
 * transaction, so before the partition can be seen COMPLETED): the AWS API calls and Cost Explorer
 * requests it made, and the process that ran it ({@code pid@host}). A partition resumed after a
 * crash adds to the counts its last committed chunk saved. In remote mode this is how the workers'
 * figures reach the manager's run summary: through the shared job repository, not the broker.
 * Stateless (the base counts live in the context), so one instance serves every partition thread.
 */
@Component
public class PartitionUsage implements ItemStream {

    /** Context key: AWS API calls made by the partition (operation calls, retries not counted). */
    public static final String AWS_CALLS = "usage.aws-calls";
    /** Context key: Cost Explorer requests made by the partition (0.01 USD each). */
    public static final String COST_EXPLORER_REQUESTS = "usage.cost-explorer-requests";
    /** Context key: the process that last ran the partition, {@code pid@host}. */
    public static final String PROCESS = "usage.process";

    private static final String BASE_CALLS = "usage.base.aws-calls";
    private static final String BASE_CE = "usage.base.cost-explorer-requests";

    private final String process = ManagementFactory.getRuntimeMXBean().getName();

    @Override
    public void open(ExecutionContext ec) {
        ec.putLong(BASE_CALLS, ec.getLong(AWS_CALLS, 0L));
        ec.putLong(BASE_CE, ec.getLong(COST_EXPLORER_REQUESTS, 0L));
        CostExplorerUsage.resetThread();
    }

    @Override
    public void update(ExecutionContext ec) {
        ec.putLong(AWS_CALLS, ec.getLong(BASE_CALLS, 0L) + AwsCallCounter.count());
        ec.putLong(COST_EXPLORER_REQUESTS, ec.getLong(BASE_CE, 0L) + CostExplorerUsage.threadRequests());
        ec.putString(PROCESS, process);
    }
}
