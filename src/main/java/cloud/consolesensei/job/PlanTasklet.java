package cloud.consolesensei.job;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsErrorClassifier;
import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.config.ConfigValidator;
import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.coverage.CoverageGap;
import cloud.consolesensei.coverage.CoverageStore;
import cloud.consolesensei.finding.Finding;

import java.sql.Timestamp;
import java.time.Instant;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;

/**
 * First step of the audit job: checks that each account can be reached (its role assumed, through
 * sts:GetCallerIdentity), resolves {@code all-enabled} regions (ec2:DescribeRegions with
 * AllRegions, keeping {@code opt-in-not-required} and {@code opted-in}), and stores the
 * {@link AuditPlan} in the job execution context. An account whose role cannot be assumed is a
 * coverage gap, not a failed run; base credentials that do not work fail the job (exit 1).
 */
@Component
public class PlanTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PlanTasklet.class);

    private final RunRegistry registry;
    private final CoverageStore coverage;
    private final ConsoleSenseiProperties props;
    private final JdbcTemplate jdbc;

    public PlanTasklet(RunRegistry registry, CoverageStore coverage, ConsoleSenseiProperties props, JdbcTemplate jdbc) {
        this.registry = registry;
        this.coverage = coverage;
        this.props = props;
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ExecutionContext jobContext = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
        RunRequest request = RunRequest.from(chunkContext.getStepContext().getStepExecution().getJobParameters());
        RunResources run = registry.resources(request);
        String home = props.aws().stsHomeRegion();
        Map<String, List<String>> regions = new LinkedHashMap<>();
        List<String> unreachable = new ArrayList<>();
        boolean baseChecked = false;
        for (AccountTarget a : run.accounts()) {
            try {
                if (a.roleArn() != null || !baseChecked) {
                    run.clients().sts(a, home).getCallerIdentity();
                    baseChecked |= a.roleArn() == null;
                }
            } catch (RuntimeException e) {
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
                continue;
            }
            regions.put(a.id(), resolveRegions(request, run, a, home));
        }
        new AuditPlan(regions, unreachable).store(jobContext);
        int n = jdbc.update("UPDATE audit_run SET accounts = ? WHERE run_id = ?",
                String.join(",", new AuditPlan(regions, unreachable).allAccountIds()), request.runId());
        if (n == 0) {
            jdbc.update("INSERT INTO audit_run (run_id, scope, as_of, demo, accounts, started_at) VALUES (?,?,?,?,?,?)",
                    request.runId(), request.scope(), java.sql.Date.valueOf(request.asOf()), request.demo(),
                    String.join(",", new AuditPlan(regions, unreachable).allAccountIds()), Timestamp.from(Instant.now()));
        }
        log.info("plan: {} account(s) reachable, {} unreachable", regions.size(), unreachable.size());
        return RepeatStatus.FINISHED;
    }

    private List<String> resolveRegions(RunRequest request, RunResources run, AccountTarget a, String home) {
        if (!request.regions().isEmpty()) return request.regions();
        if (!a.regions().contains(ConfigValidator.ALL_ENABLED)) {
            return a.regions().isEmpty() ? List.of(home) : a.regions();
        }
        try {
            DescribeRegionsResponse r = run.clients().ec2(a, home).describeRegions(b -> b.allRegions(true));
            return r.regions().stream()
                    .filter(x -> "opt-in-not-required".equals(x.optInStatus()) || "opted-in".equals(x.optInStatus()))
                    .map(x -> x.regionName()).sorted().toList();
        } catch (RuntimeException e) {
            coverage.record(request.runId(), new CoverageGap(a.id(), home, "ec2", "DescribeRegions",
                    AwsErrorClassifier.classify(e), "regions: all-enabled could not be resolved, auditing " + home
                    + " only: " + AwsErrorClassifier.message(e), false));
            return List.of(home);
        }
    }
}
