package cloud.consolesensei.job;

import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.launch.ShortRunCompilation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition per (account, region) and one {@code global} partition per account (IAM, S3,
 * Cost Explorer), from the run's {@link AuditPlan}. Partitions are ordered region-major, so the
 * accounts interleave and the per-account cap rarely makes a worker wait. A run of at least
 * {@link ShortRunCompilation#LONG_RUN_PARTITIONS} partitions is long enough for C2 to repay its compile time,
 * so it gets C2 back before the first partition runs.
 */
public class AccountPartitioner implements Partitioner {

    private static final Logger log = LoggerFactory.getLogger(AccountPartitioner.class);

    private final AuditPlan plan;

    public AccountPartitioner(AuditPlan plan) {
        this.plan = plan;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> out = new LinkedHashMap<>();
        int maxRegions = plan.regions().values().stream().mapToInt(List::size).max().orElse(0);
        for (String account : plan.regions().keySet()) {
            out.put(name(account, Finding.GLOBAL), context(account, Finding.GLOBAL));
        }
        for (int i = 0; i < maxRegions; i++) {
            for (Map.Entry<String, List<String>> e : plan.regions().entrySet()) {
                if (i < e.getValue().size()) {
                    out.put(name(e.getKey(), e.getValue().get(i)), context(e.getKey(), e.getValue().get(i)));
                }
            }
        }
        if (out.size() >= ShortRunCompilation.LONG_RUN_PARTITIONS && ShortRunCompilation.restoreC2()) {
            log.info("{} partitions: a long run, compiled with C2 from here on (README, Performance and scale)", out.size());
        }
        return out;
    }

    private static String name(String account, String region) {
        return "collect:" + account + ":" + region;
    }

    private static ExecutionContext context(String account, String region) {
        ExecutionContext ec = new ExecutionContext();
        ec.putString(PartitionWork.ACCOUNT, account);
        ec.putString(PartitionWork.REGION, region);
        return ec;
    }
}
