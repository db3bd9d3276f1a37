package cloud.consolesensei.job;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsErrorClassifier;
import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.coverage.CoverageGap;
import cloud.consolesensei.coverage.CoverageStore;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.run.AuditRuns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * First step of the audit job: checks that each account can be reached (its role assumed, through
 * sts:GetCallerIdentity) and reads what its regions need ({@link PlanProbes}, in parallel), decides the
 * regions of each ({@link RegionPlan}), and stores the {@link AuditPlan} in the job execution context and the
 * runs table. An account whose role cannot be assumed is a coverage gap, not a failed run; base credentials
 * that do not work fail the job (exit 1). The accounts themselves were selected with the run's resources
 * ({@link RunRegistry}, {@link AccountSelection}).
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
        RegionPlan regionPlan = new RegionPlan(request, home, coverage);
        Map<String, List<String>> regions = new LinkedHashMap<>();
        List<String> unreachable = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<AccountTarget> targets = run.accounts();
        List<PlanProbes.Probe> probes = PlanProbes.all(run, regionPlan, home, props.aws().concurrency());
        for (int i = 0; i < targets.size(); i++) {
            AccountTarget a = targets.get(i);
            PlanProbes.Probe p = probes.get(i);
            if (p.identity() != null) {
                reasons.add(unreachable(request, a, p.identity()));
                unreachable.add(a.id());
                continue;
            }
            regions.put(a.id(), regionPlan.regions(a, p.regions(), p.regionsError()));
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
     * Records an account whose identity check failed as a coverage gap and says why, for the job's failure
     * when no account is reachable.
     *
     * @throws BaseCredentialsException when the failure means the base identity itself is broken (exit 1)
     */
    private String unreachable(RunRequest request, AccountTarget a, RuntimeException e) {
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
        return a.id() + " (" + cls.label() + ": " + msg + ")";
    }
}
