package cloud.consolesensei.metrics;

import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.coverage.CoverageStore;
import cloud.consolesensei.finding.FindingStatus;
import cloud.consolesensei.finding.Severity;
import cloud.consolesensei.job.RunHandOff;
import cloud.consolesensei.job.RunOutcome;
import cloud.consolesensei.run.AuditRuns;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The run metrics of README, exposed on {@code /actuator/prometheus}:
 * <ul>
 * <li>{@code consolesensei_runs_total{outcome}}: job executions ended in this process, by outcome:
 * {@code completed} (exit 0), {@code completed_with_gaps} (exit 3), {@code email_undelivered} (exit 4),
 * {@code failed}, {@code stopped};</li>
 * <li>{@code consolesensei_scheduled_runs_total{outcome}}: the runs {@code serve} scheduled in this process,
 * by outcome: {@code completed} (exit 0, 3 or 4), {@code failed} (the execution failed, or the run could not
 * start: a failure notice is mailed), {@code stopped}, {@code refused} (a live execution held one of its
 * accounts: skipped);</li>
 * <li>{@code consolesensei_run_duration_seconds}: their duration (a timer: count, sum, max);</li>
 * <li>{@code consolesensei_findings{severity,status}}: findings in the store now, by severity and
 * status (NEW, OPEN, SUPPRESSED, RESOLVED);</li>
 * <li>{@code consolesensei_coverage_gaps{error_class}}: coverage gaps of the latest finished run.</li>
 * </ul>
 * The two gauges read the database at most once every {@link #REFRESH} (a scrape never groups a
 * million findings twice in a row), and again after each run this process ends.
 */
@Component
public class RunMetrics implements JobExecutionListener {

    /** How old the gauges' figures may get before a scrape reads them again. */
    static final Duration REFRESH = Duration.ofSeconds(30);

    /** The services the program calls, by the SDK's service id (as the coverage gaps name them). */
    static final List<String> AWS_SERVICES = List.of("ec2", "s3", "s3control", "iam", "sts", "autoscaling", "ce",
            "organizations", "cloudwatch", "pricing", "budgets", "invoicing");

    private final MeterRegistry registry;
    private final JdbcTemplate jdbc;
    private final CoverageStore coverage;
    private final AuditRuns runs;
    private final Timer duration;
    private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, Map.of(), Map.of());

    private record Snapshot(Instant at, Map<String, Long> findings, Map<String, Long> gaps) {
    }

    public RunMetrics(MeterRegistry registry, JdbcTemplate jdbc, CoverageStore coverage, AuditRuns runs) {
        this.runs = runs;
        this.registry = registry;
        this.jdbc = jdbc;
        this.coverage = coverage;
        this.duration = Timer.builder("consolesensei.run.duration").description("Duration of audit job executions")
                .register(registry);
        for (Severity s : Severity.values()) {
            for (FindingStatus st : FindingStatus.values()) {
                String key = s.name() + "/" + st.name();
                Gauge.builder("consolesensei.findings", this, m -> m.current().findings().getOrDefault(key, 0L))
                        .description("Findings in the store by severity and status").tag("severity", s.name())
                        .tag("status", st.name()).register(registry);
            }
        }
        // every series a dashboard reads exists from the start, at zero
        for (String outcome : List.of("completed", "completed_with_gaps", "email_undelivered", "failed", "stopped")) {
            runs(outcome);
        }
        SCHEDULED_OUTCOMES.forEach(this::scheduled);
        Counter.builder("consolesensei.cost.explorer.requests").description("HTTP requests sent to Cost Explorer (0.01 USD each)")
                .register(registry);
        for (String service : AWS_SERVICES) {
            for (String outcome : List.of("success", "throttled", "denied", "failed")) {
                Counter.builder("consolesensei.aws.calls").description("AWS API calls by service and outcome")
                        .tag("service", service).tag("outcome", outcome).register(registry);
            }
        }
        for (ErrorClass c : ErrorClass.values()) {
            Gauge.builder("consolesensei.coverage.gaps", this, m -> m.current().gaps().getOrDefault(c.name(), 0L))
                    .description("Coverage gaps of the latest finished run by error class").tag("error_class", c.name())
                    .register(registry);
        }
    }

    /** Outcomes of {@link #scheduled(String)}. */
    public static final List<String> SCHEDULED_OUTCOMES = List.of("completed", "failed", "stopped", "refused");

    /**
     * The counter of scheduled runs that ended with {@code outcome} ({@link #SCHEDULED_OUTCOMES}).
     *
     * @throws IllegalArgumentException for another outcome
     */
    public Counter scheduled(String outcome) {
        if (!SCHEDULED_OUTCOMES.contains(outcome)) throw new IllegalArgumentException("unknown outcome " + outcome);
        return Counter.builder("consolesensei.scheduled.runs").description("Runs scheduled by serve, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    @Override
    public void afterJob(JobExecution execution) {
        runs(outcome(execution)).increment();
        LocalDateTime start = execution.getStartTime();
        LocalDateTime end = execution.getEndTime() != null ? execution.getEndTime() : LocalDateTime.now();
        if (start != null) duration.record(Duration.between(start, end));
        snapshot = new Snapshot(Instant.EPOCH, snapshot.findings(), snapshot.gaps());
    }

    private Counter runs(String outcome) {
        return Counter.builder("consolesensei.runs").description("Audit job executions ended, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    /** The outcome tag of an ended execution. */
    private String outcome(JobExecution e) {
        if (e.getStatus() == BatchStatus.STOPPED) return "stopped";
        if (e.getStatus() != BatchStatus.COMPLETED) return "failed";
        int exit = RunOutcome.exitCode(e.getStatus(), coverage.countBlocking(e.getJobParameters().getString("run.id")),
                RunHandOff.load(e.getExecutionContext()).deliveryFailed());
        return exit == 0 ? "completed" : exit == 3 ? "completed_with_gaps" : "email_undelivered";
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s.at().isAfter(Instant.now().minus(REFRESH))) return s;
        synchronized (this) {
            if (snapshot.at().isAfter(Instant.now().minus(REFRESH))) return snapshot;
            Map<String, Long> findings = new HashMap<>();
            jdbc.query("SELECT severity, status, COUNT(*) FROM finding GROUP BY severity, status", rs -> {
                findings.put(rs.getString(1).toUpperCase(Locale.ROOT) + "/" + rs.getString(2), rs.getLong(3));
            });
            Map<String, Long> gaps = new HashMap<>();
            runs.latestEnded().ifPresent(run -> jdbc.query("SELECT error_class, COUNT(*) FROM coverage_gap WHERE run_id = ?"
                    + " GROUP BY error_class", rs -> {
                gaps.put(rs.getString(1), rs.getLong(2));
            }, run));
            snapshot = new Snapshot(Instant.now(), findings, gaps);
            return snapshot;
        }
    }
}
