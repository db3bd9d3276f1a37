package cloud.consolesensei.partition;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.cost.CostExplorerUsage;
import cloud.consolesensei.job.PartitionCounted;
import cloud.consolesensei.job.PartitionUsage;
import cloud.consolesensei.price.PriceListUsage;
import cloud.consolesensei.usage.MetricDataUsage;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * How a remote run's usage counts reach the manager's run summary: each worker keeps its
 * partitions' counts (GetMetricData calls and metrics requested, Price List calls and cached prices,
 * Cost Explorer requests) in their step execution contexts ({@link PartitionUsage}), a resumed
 * partition adding to what its last committed chunk saved; the manager adds them to its own counts
 * ({@link RemotePartitionHandler#addWorkerCounts}) and prints the summary lines from them.
 */
class WorkerCountsTest {

    private static final String RUN = "run-1";

    /** One worker process's counters. */
    private record Process(MetricDataUsage metrics, PriceListUsage prices, CostExplorerUsage costs, PartitionUsage partitions) {
        Process() {
            this(new MetricDataUsage(), new PriceListUsage(), new CostExplorerUsage());
        }

        Process(MetricDataUsage m, PriceListUsage p, CostExplorerUsage c) {
            this(m, p, c, new PartitionUsage(List.of(m, p, c)));
        }

        List<PartitionCounted> counted() {
            return List.of(metrics, prices, costs);
        }
    }

    @Test
    void theWorkersCountsOfEveryPartitionAddUpInTheManagersSummary() throws Exception {
        Process w1 = new Process();
        Process w2 = new Process();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // worker 1 runs eu-west-1 (two chunks) while worker 2 runs us-east-1, each partition on a thread of its own
            ExecutionContext euWest = new ExecutionContext();
            ExecutionContext usEast = new ExecutionContext();
            var a = threads.submit(partition(w1, euWest, () -> {
                w1.metrics().record(RUN, 500);
                w1.prices().call(RUN);
                w1.partitions().update(euWest);
                w1.metrics().record(RUN, 140);
                w1.prices().cached(RUN);
                return null;
            }));
            var b = threads.submit(partition(w2, usEast, () -> {
                w2.metrics().record(RUN, 90);
                w2.prices().call(RUN);
                w2.prices().call(RUN);
                return null;
            }));
            a.get();
            b.get();
            // worker 1 commits a global partition's first chunk and dies; worker 2 resumes it from that chunk
            ExecutionContext global = new ExecutionContext();
            threads.submit(partition(w1, global, () -> {
                w1.costs().record(RUN);
                w1.costs().record(RUN);
                return null;
            })).get();
            ExecutionContext resumed = new ExecutionContext(global);
            threads.submit(partition(w2, resumed, () -> {
                w2.costs().record(RUN);
                return null;
            })).get();

            assertThat(resumed.getLong("usage.cost-explorer-requests")).as("resumed from its committed count").isEqualTo(3);
            assertThat(euWest.getLong("usage.getmetricdata-calls")).isEqualTo(2);
            assertThat(euWest.getLong("usage.metrics-requested")).isEqualTo(640);

            Process manager = new Process();
            manager.costs().record(RUN); // the manager's own request (e.g. the report's)
            RemotePartitionHandler.addWorkerCounts(RUN, List.of(euWest, usEast, resumed), manager.counted());

            assertThat(manager.metrics().calls(RUN)).isEqualTo(3);
            assertThat(manager.metrics().metrics(RUN)).isEqualTo(730);
            assertThat(manager.prices().calls(RUN)).isEqualTo(3);
            assertThat(manager.prices().cachedPrices(RUN)).isEqualTo(1);
            assertThat(manager.costs().requests(RUN)).isEqualTo(4);
            assertThat(manager.metrics().line(RUN, false))
                    .isEqualTo("CloudWatch GetMetricData: 3 call(s), 730 metrics requested (0.0073 USD at 0.01 USD per 1,000 metrics)");
            assertThat(manager.prices().line(RUN, false))
                    .isEqualTo("Price List requests: 3 GetProducts call(s), 1 price(s) from the cache (free of charge)");
            assertThat(manager.costs().line(RUN, false)).isEqualTo("Cost Explorer requests: 4 (0.04 USD at 0.01 USD each)");
            assertThat(manager.metrics().calls("another-run")).isZero();
        } finally {
            threads.shutdownNow();
        }
    }

    /** A partition on the calling thread: opened, {@code work} done, its chunk committed. */
    private static Callable<Void> partition(Process worker, ExecutionContext ec, Callable<Void> work) {
        return () -> {
            worker.partitions().open(ec);
            work.call();
            worker.partitions().update(ec);
            return null;
        };
    }
}
