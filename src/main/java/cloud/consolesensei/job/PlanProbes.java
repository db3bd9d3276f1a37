package cloud.consolesensei.job;

import cloud.consolesensei.aws.AccountTarget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.MDC;

import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;

/**
 * The plan's AWS calls, for every account of a run in parallel (up to {@code consolesensei.aws.concurrency}
 * at once: an organisation's hundreds of AssumeRole and GetCallerIdentity round trips one after another took
 * longer than the rest of a small run): the identity check (sts:GetCallerIdentity, through the account's role)
 * and, when the account's regions need it ({@link RegionPlan#needsDescribeRegions}), ec2:DescribeRegions with
 * AllRegions. They only read: the caller records gaps and decides, on its own thread (the step's transaction).
 */
final class PlanProbes {

    /**
     * What the plan learned of one account: the identity check's failure (null when it passed or was not
     * needed), then DescribeRegions' answer or failure when the account's regions need it.
     */
    record Probe(RuntimeException identity, DescribeRegionsResponse regions, RuntimeException regionsError) {
    }

    private PlanProbes() {
    }

    /**
     * Probes each of {@code run}'s accounts; the results in the accounts' order. The accounts without a role
     * share the base credentials: their identity is checked once.
     */
    static List<Probe> all(RunResources run, RegionPlan regions, String home, int concurrency) {
        List<AccountTarget> accounts = run.accounts();
        if (accounts.isEmpty()) return List.of();
        AccountTarget firstBase = accounts.stream().filter(a -> a.roleArn() == null).findFirst().orElse(null);
        int threads = Math.max(1, Math.min(concurrency, accounts.size()));
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "plan-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        try {
            List<Future<Probe>> futures = new ArrayList<>();
            for (AccountTarget a : accounts) {
                futures.add(pool.submit(() -> {
                    if (mdc != null) MDC.setContextMap(mdc);
                    return one(run, a, home, a.roleArn() != null || a == firstBase, regions.needsDescribeRegions(a));
                }));
            }
            List<Probe> out = new ArrayList<>();
            for (var f : futures) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the accounts", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Probe one(RunResources run, AccountTarget a, String home, boolean checkIdentity, boolean describeRegions) {
        try {
            if (checkIdentity) run.clients().sts(a, home).getCallerIdentity();
        } catch (RuntimeException e) {
            return new Probe(e, null, null);
        }
        if (!describeRegions) return new Probe(null, null, null);
        try {
            return new Probe(null, run.clients().ec2(a, home).describeRegions(b -> b.allRegions(true)), null);
        } catch (RuntimeException e) {
            return new Probe(null, null, e);
        }
    }
}
