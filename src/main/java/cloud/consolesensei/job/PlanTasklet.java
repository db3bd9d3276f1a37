package cloud.consolesensei.job;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsErrorClassifier;
import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.aws.Regions;
import cloud.consolesensei.config.ConfigValidator;
import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.coverage.CoverageGap;
import cloud.consolesensei.coverage.CoverageStore;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.run.AuditRuns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;

/**
 * First step of the audit job: checks that each account can be reached (its role assumed, through
 * sts:GetCallerIdentity; accounts are checked in parallel, up to the configured concurrency), resolves {@code all-enabled} regions (ec2:DescribeRegions with
 * AllRegions, keeping {@code opt-in-not-required} and {@code opted-in}), and stores the
 * {@link AuditPlan} in the job execution context. When a listed region is an opt-in region, one
 * DescribeRegions per account tells whether it is enabled; a region the account has not opted in to
 * is skipped with an informational gap (REGION_NOT_ENABLED). An account whose role cannot be assumed is a
 * coverage gap, not a failed run; base credentials that do not work fail the job (exit 1).
 */
@Component
public class PlanTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PlanTasklet.class);

    private final RunRegistry registry;
    private final CoverageStore coverage;
    private final ConsoleSenseiProperties props;
    private final AuditRuns auditRuns;

    public PlanTasklet(RunRegistry registry, CoverageStore coverage, ConsoleSenseiProperties props, AuditRuns auditRuns) {
        this.registry = registry;
        this.coverage = coverage;
        this.props = props;
        this.auditRuns = auditRuns;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ExecutionContext jobContext = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        RunRequest request = registry.request(chunkContext.getStepContext().getStepExecution().getJobParameters());
        RunResources run = registry.resources(request);
        String home = props.aws().stsHomeRegion();
        Map<String, List<String>> regions = new LinkedHashMap<>();
        List<String> unreachable = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<AccountTarget> targets = run.accounts();
        // the accounts without a role share the base credentials: their identity is checked once
        AccountTarget firstBase = targets.stream().filter(a -> a.roleArn() == null).findFirst().orElse(null);
        List<Probe> probes = probeAll(targets, a -> probe(request, run, a, home, a.roleArn() != null || a == firstBase));
        for (int i = 0; i < targets.size(); i++) {
            AccountTarget a = targets.get(i);
            Probe p = probes.get(i);
            if (p.identity() != null) {
                RuntimeException e = p.identity();
                ErrorClass cls = AwsErrorClassifier.classify(e);
                // with a role too: AssumeRole answering InvalidClientTokenId means the base identity is broken
                if (cls.isFatalForIdentity()) {
                    throw new BaseCredentialsException(e);
                }
                if (cls == ErrorClass.ACCESS_DENIED || cls == ErrorClass.CLIENT_ERROR) cls = ErrorClass.ROLE_NOT_ASSUMABLE;
                String msg = (a.roleArn() == null ? "base credentials" : "role " + a.roleArn()) + ": "
                        + AwsErrorClassifier.message(e);
                log.warn("account {} unreachable: {}", a.id(), msg);
                coverage.record(request.runId(), new CoverageGap(a.id(), Finding.GLOBAL, "sts",
                        a.roleArn() == null ? "GetCallerIdentity" : "AssumeRole", cls, msg, false));
                unreachable.add(a.id());
                reasons.add(a.id() + " (" + cls.label() + ": " + msg + ")");
                continue;
            }
            regions.put(a.id(), resolveRegions(request, a, home, p));
        }
        if (regions.isEmpty() && !unreachable.isEmpty()) {
            // nothing at all can be audited: a failed job, not a report of gaps
            throw new IllegalStateException("no account could be reached: " + String.join("; ", reasons)
                    + ". Check the credentials and network access to the AWS endpoints (`doctor` tells which call fails).");
        }
        AuditPlan plan = new AuditPlan(regions, unreachable);
        plan.store(jobContext);
        auditRuns.planned(request.runId(), run.scope(), request.asOf(), request.demo(), plan.allAccountIds());
        log.info("plan: {} account(s) reachable, {} unreachable", regions.size(), unreachable.size());
        return RepeatStatus.FINISHED;
    }

    /**
     * What the plan learned of one account from AWS, read in parallel with the other accounts':
     * the identity check's failure (null when it passed or was not needed), then DescribeRegions'
     * answer or failure when the account's regions need it.
     */
    private record Probe(RuntimeException identity, DescribeRegionsResponse regions, RuntimeException regionsError) {
    }

    private Probe probe(RunRequest request, RunResources run, AccountTarget a, String home, boolean checkIdentity) {
        try {
            if (checkIdentity) run.clients().sts(a, home).getCallerIdentity();
        } catch (RuntimeException e) {
            return new Probe(e, null, null);
        }
        if (!needsRegions(asked(request, a, home))) return new Probe(null, null, null);
        try {
            return new Probe(null, run.clients().ec2(a, home).describeRegions(b -> b.allRegions(true)), null);
        } catch (RuntimeException e) {
            return new Probe(null, null, e);
        }
    }

    /**
     * Probes every account, up to {@code consolesensei.aws.concurrency} at once: an organisation's
     * hundreds of AssumeRole and GetCallerIdentity round trips one after another took longer than
     * the rest of a small run. Results come back in the accounts' order; the caller records gaps
     * and decides, on its own thread (the step's transaction).
     */
    private List<Probe> probeAll(List<AccountTarget> accounts, Function<AccountTarget, Probe> probe) {
        if (accounts.isEmpty()) return List.of();
        int threads = Math.max(1, Math.min(props.aws().concurrency(), accounts.size()));
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
                    return probe.apply(a);
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

    private static List<String> asked(RunRequest request, AccountTarget a, String home) {
        return !request.regions().isEmpty() ? request.regions() : a.regions().isEmpty() ? List.of(home) : a.regions();
    }

    private static boolean needsRegions(List<String> asked) {
        return asked.contains(ConfigValidator.ALL_ENABLED) || asked.stream().anyMatch(Regions::isOptIn);
    }

    private List<String> resolveRegions(RunRequest request, AccountTarget a, String home, Probe probe) {
        List<String> asked = asked(request, a, home);
        boolean all = asked.contains(ConfigValidator.ALL_ENABLED);
        if (!needsRegions(asked)) return asked;
        DescribeRegionsResponse r = probe.regions();
        if (r == null) {
            RuntimeException e = probe.regionsError();
            String what = all ? "regions: all-enabled could not be resolved, auditing " + home + " only: "
                    : "opt-in regions could not be checked, auditing them as configured: ";
            coverage.record(request.runId(), new CoverageGap(a.id(), home, "ec2", "DescribeRegions",
                    AwsErrorClassifier.classify(e), what + AwsErrorClassifier.message(e), false));
            return all ? List.of(home) : asked;
        }
        Map<String, String> status = new LinkedHashMap<>();
        r.regions().forEach(x -> status.put(x.regionName(), x.optInStatus()));
        if (all) return status.keySet().stream().filter(x -> enabled(status.get(x))).sorted().toList();
        List<String> kept = new ArrayList<>();
        for (String region : asked) {
            String st = status.get(region);
            if (st == null || enabled(st)) {
                kept.add(region);
                continue;
            }
            // An opt-in region the account has not enabled: nothing can be read there, and it is
            // the account's choice, so an informational gap rather than an error.
            coverage.record(request.runId(), new CoverageGap(a.id(), region, "ec2", "DescribeRegions",
                    ErrorClass.REGION_NOT_ENABLED, "region " + region + " is " + st + " for account " + a.id()
                    + " (ec2:DescribeRegions): skipped", true));
        }
        return kept;
    }

    /** DescribeRegions' OptInStatus of a region the account can use. */
    private static boolean enabled(String optInStatus) {
        return "opt-in-not-required".equals(optInStatus) || "opted-in".equals(optInStatus);
    }
}
