package cloud.consolesensei.job;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.collect.ServiceModule;
import cloud.consolesensei.coverage.CoverageStore;
import cloud.consolesensei.finding.Finding;

import java.util.Comparator;
import java.util.List;

import org.springframework.batch.core.step.StepExecution;

/**
 * What one partition of the collect step audits: one account in one region (regional sources) or
 * its {@code global} partition (IAM, S3, Cost Explorer), and the sources that apply.
 *
 * <p>A class, not a record: it is a step-scoped bean, proxied by subclassing.
 */
public class PartitionWork {

    private final RunResources run;
    private final ReadContext context;
    private final List<ResourceSource<?>> sources;
    private final RegionGate gate;

    /**
     * @param run     the run's shared resources
     * @param context the read context of this account and region
     * @param sources the sources to read, in module order
     */
    public PartitionWork(RunResources run, ReadContext context, List<ResourceSource<?>> sources) {
        this(run, context, sources, null);
    }

    PartitionWork(RunResources run, ReadContext context, List<ResourceSource<?>> sources, RegionGate gate) {
        this.run = run;
        this.context = context;
        this.sources = List.copyOf(sources);
        this.gate = gate;
    }

    /**
     * True once this regional partition met a region-not-enabled answer: its remaining sources
     * would all get the same answer and are skipped.
     */
    public boolean regionNotEnabled() {
        return gate != null && gate.regionNotEnabled();
    }

    public RunResources run() {
        return run;
    }

    public ReadContext context() {
        return context;
    }

    public List<ResourceSource<?>> sources() {
        return sources;
    }

    /** Execution context keys of a partition. */
    public static final String ACCOUNT = "account";
    public static final String REGION = "region";

    /** Builds the work of the partition {@code stepExecution} runs. */
    public static PartitionWork of(StepExecution stepExecution, RunRegistry registry, List<ServiceModule> modules,
                                   CoverageStore coverage) {
        RunRequest request = registry.request(stepExecution.getJobParameters());
        RunResources run = registry.resources(request);
        String accountId = stepExecution.getExecutionContext().getString(ACCOUNT);
        String region = stepExecution.getExecutionContext().getString(REGION);
        AccountTarget account = run.account(accountId)
                .orElseThrow(() -> new IllegalStateException("account " + accountId + " is not in this run's configuration"));
        ResourceSource.Scope scope = Finding.GLOBAL.equals(region) ? ResourceSource.Scope.GLOBAL : ResourceSource.Scope.REGIONAL;
        List<ResourceSource<?>> sources = modules.stream().sorted(Comparator.comparingInt(ServiceModule::order))
                .flatMap(m -> m.sources().stream()).filter(s -> s.scope() == scope).toList();
        RegionGate gate = scope == ResourceSource.Scope.REGIONAL ? new RegionGate(coverage.sink(request.runId())) : null;
        ReadContext ctx = new ReadContext(account, region, run.clients(), request.asOf(), run.settings(), run.prices(),
                gate != null ? gate : coverage.sink(request.runId()),
                // the demo's costs are told relative to the as-of date: a demo run never reuses another run's periods
                new ReadContext.RunOptions(request.runId(), request.refreshCosts() || request.demo()));
        return new PartitionWork(run, ctx, sources, gate);
    }
}
