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
        List<String> reasons = new ArrayList<>();
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
                reasons.add(a.id() + " (" + cls.label() + ": " + msg + ")");
                continue;
            }
            regions.put(a.id(), resolveRegions(request, run, a, home));
        }
        if (regions.isEmpty() && !unreachable.isEmpty()) {
            // nothing at all can be audited: a failed job, not a report of gaps
            throw new IllegalStateException("no account could be reached: " + String.join("; ", reasons)
                    + ". Check the credentials and network access to the AWS endpoints (`doctor` tells which call fails).");
        }
        AuditPlan plan = new AuditPlan(regions, unreachable);
        plan.store(jobContext);
        String accounts = String.join(",", plan.allAccountIds());
        int n = jdbc.update("UPDATE audit_run SET accounts = ? WHERE run_id = ?", accounts, request.runId());
        if (n == 0) {
            jdbc.update("INSERT INTO audit_run (run_id, scope, as_of, demo, accounts, started_at) VALUES (?,?,?,?,?,?)",
                    request.runId(), request.scope(), java.sql.Date.valueOf(request.asOf()), request.demo(),
                    accounts, Timestamp.from(Instant.now()));
        }
        log.info("plan: {} account(s) reachable, {} unreachable", regions.size(), unreachable.size());
        return RepeatStatus.FINISHED;
    }

    private List<String> resolveRegions(RunRequest request, RunResources run, AccountTarget a, String home) {
        List<String> asked = !request.regions().isEmpty() ? request.regions()
                : a.regions().isEmpty() ? List.of(home) : a.regions();
        boolean all = asked.contains(ConfigValidator.ALL_ENABLED);
        if (!all && asked.stream().noneMatch(Regions::isOptIn)) return asked;
        DescribeRegionsResponse r;
        try {
            r = run.clients().ec2(a, home).describeRegions(b -> b.allRegions(true));
        } catch (RuntimeException e) {
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
