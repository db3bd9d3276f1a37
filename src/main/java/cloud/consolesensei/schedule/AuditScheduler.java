package cloud.consolesensei.schedule;

import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.job.AuditJobConfig;
import cloud.consolesensei.job.AuditRunner;
import cloud.consolesensei.job.RunOutcome;
import cloud.consolesensei.job.RunRequest;
import cloud.consolesensei.lock.AccountsBusyException;
import cloud.consolesensei.metrics.RunMetrics;
import cloud.consolesensei.notify.FailureNotice;
import cloud.consolesensei.notify.FailureNotifier;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Runs the audit job on its cron ({@code consolesensei.schedule.audit}, read in the time zone
 * {@code consolesensei.schedule.zone}) for {@code serve}. Started only by {@link #start(boolean)};
 * other commands never schedule anything.
 *
 * <p>Cluster-safe: before each fire the instance takes the ShedLock lock {@value #LOCK} in the
 * shared database; an instance that does not get it skips that fire. The lock is held for at
 * least half the interval between two fires (at most 5 minutes), so a run that ends quickly still
 * blocks the other instances' fire of the same instant; it expires after 90% of the interval
 * (at least one minute, at most 23 hours) if its holder dies. The run id is derived from the fire
 * instant ({@code audit@2026-01-15T02:00:00Z}), so even a second start of the same fire would be
 * refused by the job repository as an existing job instance.
 *
 * <p>How a run ended is logged and counted ({@code consolesensei_scheduled_runs_total{outcome}}, see
 * {@link RunMetrics#scheduled}): a completed run at INFO (WARN with coverage gaps or an undelivered
 * email), a stopped one at WARN with its restart command, a run refused because a live execution
 * holds one of its accounts at WARN (no mail: the holder's own run is going on). A run that FAILED,
 * or could not start at all, is logged at ERROR with its cause and the exact command to run, and
 * its {@link FailureNotice} is mailed to {@code consolesensei.mail.recipients}; a notice that cannot
 * be delivered is logged at ERROR and the schedule goes on.
 *
 * <p>Graceful stop: when the application context closes (SIGTERM runs Spring's shutdown hook),
 * no further fire starts, a running execution is stopped through {@link JobOperator#stop} (it ends
 * STOPPED at its next chunk boundary, restartable with {@code restart ID}) and the stop waits for it.
 */
@Component
public class AuditScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditScheduler.class);

    /** ShedLock lock name of the audit job. */
    public static final String LOCK = "audit";

    /** How long {@link #stop()} waits for a stopped execution to end. */
    private static final Duration STOP_WAIT = Duration.ofMinutes(5);

    private final AuditRunner runner;
    private final JobOperator operator;
    private final JobRepository repository;
    private final LockProvider locks;
    private final ConsoleSenseiProperties props;
    private final FailureNotifier notifier;
    private final RunMetrics metrics;
    private final FailureCauses causes;
    private final OperatorCommands commands;

    private final AtomicInteger fired = new AtomicInteger();
    private final AtomicInteger ran = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final AtomicInteger conflicts = new AtomicInteger();
    private final AtomicReference<String> currentRun = new AtomicReference<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private ThreadPoolTaskScheduler scheduler;
    private ScheduledFuture<?> future;
    private volatile boolean running;
    private volatile boolean demo;

    public AuditScheduler(AuditRunner runner, JobOperator operator, JobRepository repository, LockProvider locks,
                          ConsoleSenseiProperties props, FailureNotifier notifier, RunMetrics metrics, Environment env) {
        this.runner = runner;
        this.operator = operator;
        this.repository = repository;
        this.locks = locks;
        this.props = props;
        this.notifier = notifier;
        this.metrics = metrics;
        this.commands = new OperatorCommands(env);
        List<String> secrets = new ArrayList<>();
        for (String key : List.of("spring.mail.password", "spring.datasource.password", "spring.rabbitmq.password")) {
            secrets.add(env.getProperty(key));
        }
        for (String var : List.of("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")) secrets.add(System.getenv(var));
        this.causes = new FailureCauses(secrets);
    }

    /**
     * Schedules the audit job and logs its next fire time.
     *
     * @param demo audit the built-in demo estate (no configuration and no credentials)
     * @return the next fire time
     */
    public synchronized Instant start(boolean demo) {
        if (running) throw new IllegalStateException("already started");
        this.demo = demo;
        String cron = props.schedule().audit();
        ZoneId zone = ZoneId.of(props.schedule().zone());
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1); // one job at a time per instance: a late fire waits, never overlaps
        scheduler.setThreadNamePrefix("schedule-");
        scheduler.initialize();
        FireTimeTrigger trigger = new FireTimeTrigger(cron, zone);
        future = scheduler.schedule(() -> fire(trigger.scheduled()), trigger);
        running = true;
        Instant next = next(cron, zone, Instant.now());
        log.info("serve: audit job scheduled with cron '{}' in zone {}; next run at {} ({} UTC){}", cron, zone,
                next.atZone(zone).toOffsetDateTime(), next, demo ? "; DEMO estate" : "");
        return next;
    }

    /** Blocks until {@link #stop()} has finished (the context is closing). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Fires seen by this instance since start. */
    public int fired() {
        return fired.get();
    }

    /** Fires this instance ran (it got the lock). */
    public int ran() {
        return ran.get();
    }

    /** Fires this instance skipped because another instance held the lock. */
    public int skipped() {
        return skipped.get();
    }

    /** Fires skipped because a live execution held one of the run's accounts (logged at WARN). */
    public int conflicts() {
        return conflicts.get();
    }

    void fire(Instant at) {
        fired.incrementAndGet();
        if (!running) return;
        String cron = props.schedule().audit();
        ZoneId zone = ZoneId.of(props.schedule().zone());
        Optional<SimpleLock> lock = locks.lock(lockFor(cron, zone, at));
        if (lock.isEmpty()) {
            skipped.incrementAndGet();
            log.info("serve: audit at {}: another instance holds the lock, skipped here; next run at {}", at,
                    next(cron, zone, Instant.now()));
            return;
        }
        String runId = runId(at);
        RunRequest request = null;
        try {
            if (!running) return;
            MDC.put("run", runId);
            request = new RunRequest(runId, LocalDate.ofInstant(at, ZoneOffset.UTC), List.of(), List.of(),
                    props.reportsPath(), false, demo, false);
            currentRun.set(runId);
            ran.incrementAndGet();
            ended(at, request, runner.run(request), cron, zone);
        } catch (AccountsBusyException e) {
            conflicts.incrementAndGet();
            metrics.scheduled("refused").increment();
            log.warn("serve: audit at {} skipped: {}", at, e.getMessage());
        } catch (Exception e) {
            failed(at, request, runId, null, List.of(causes.of(e)), cron, zone);
        } finally {
            currentRun.set(null);
            lock.get().unlock();
            MDC.remove("run");
            if (running) log.info("serve: next audit run at {}", next(cron, zone, Instant.now()));
        }
    }

    /** Logs, counts and (for a failure) announces how a scheduled run ended. */
    private void ended(Instant at, RunRequest request, RunOutcome o, String cron, ZoneId zone) {
        boolean completed = "COMPLETED".equals(o.status());
        boolean stopped = "STOPPED".equals(o.status());
        for (String m : o.messages()) {
            // a failure's error lines are in its one ERROR line below
            if (completed || stopped || !m.startsWith("error: ") && !m.startsWith("job execution ")) log.info("serve: {}", m);
        }
        if (completed) {
            metrics.scheduled("completed").increment();
            String line = "serve: audit at {}: job execution {} {}, exit code {}, {} file(s) written";
            Object[] args = {at, o.executionId(), o.status(), o.exitCode(), o.files().size()};
            // exit 3 (coverage gaps) and 4 (an email not delivered) need a look, not a restart
            if (o.exitCode() == 0) log.info(line, args);
            else log.warn(line, args);
        } else if (stopped) {
            metrics.scheduled("stopped").increment();
            log.warn("serve: audit at {}: job execution {} STOPPED; resume it with `{}`", at, o.executionId(),
                    commands.restart(o.executionId()));
        } else if (o.executionId() > 0) {
            JobExecution execution = repository.getJobExecution(o.executionId());
            failed(at, request, o.runId(), o.executionId(), execution == null ? errors(o) : causes.of(execution), cron, zone);
        } else {
            failed(at, request, o.runId(), null, errors(o), cron, zone);
        }
    }

    /** The {@code error:} lines of an outcome, without the prefix. */
    private List<String> errors(RunOutcome o) {
        List<String> out = o.messages().stream().filter(m -> m.startsWith("error: "))
                .map(m -> causes.clean(m.substring("error: ".length()))).toList();
        return out.isEmpty() ? List.of("the run ended " + o.status()) : out;
    }

    /**
     * A scheduled run failed (its execution FAILED, or it could not start): one ERROR line with the
     * cause and the command to run, the failure counted, the notice mailed.
     */
    private void failed(Instant at, RunRequest request, String runId, Long executionId, List<String> cause, String cron,
                        ZoneId zone) {
        metrics.scheduled("failed").increment();
        String command = executionId == null ? commands.run() : commands.restart(executionId);
        log.error("serve: audit at {} FAILED{}: {}; fix the cause and run `{}`", at,
                executionId == null ? " before a job execution was created" : ": job execution " + executionId,
                String.join("; ", cause), command);
        LocalDate asOf = request == null ? LocalDate.ofInstant(at, ZoneOffset.UTC) : request.asOf();
        notifier.send(new FailureNotice(runId, executionId, at, asOf, demo, cause, command, executionId != null,
                next(cron, zone, Instant.now())));
    }

    /** The run id of the fire at {@code at}: the same on every instance. */
    static String runId(Instant at) {
        return "audit@" + at.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The lock of one fire; see the class comment for the durations. */
    static LockConfiguration lockFor(String cron, ZoneId zone, Instant at) {
        Instant first = next(cron, zone, at.minusMillis(1));
        Duration interval = Duration.between(first, next(cron, zone, first));
        Duration atLeast = min(interval.dividedBy(2), Duration.ofMinutes(5));
        Duration atMost = max(min(interval.multipliedBy(9).dividedBy(10), Duration.ofHours(23)), Duration.ofMinutes(1));
        return new LockConfiguration(Instant.now(), LOCK, atMost, atLeast);
    }

    static Instant next(String cron, ZoneId zone, Instant after) {
        ZonedDateTime n = CronExpression.parse(cron).next(after.atZone(zone));
        if (n == null) throw new IllegalStateException("cron '" + cron + "' never fires");
        return n.toInstant();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public void start() {
        // started by serve only (start(boolean)), never with the context
    }

    @Override
    public boolean isAutoStartup() {
        return false;
    }

    /**
     * Stops scheduling, stops a running execution through {@link JobOperator#stop} and waits (up
     * to 5 minutes) for it to end STOPPED.
     */
    @Override
    public void stop() {
        synchronized (this) {
            if (!running) return;
            running = false;
        }
        log.info("serve: stopping: no new runs");
        future.cancel(false);
        String runId = currentRun.get();
        if (runId != null) {
            for (JobExecution e : repository.findRunningJobExecutions(AuditJobConfig.JOB)) {
                if (runId.equals(e.getJobParameters().getString("run.id"))) {
                    try {
                        log.info("serve: stopping job execution {}; resume it with `restart {}`", e.getId(), e.getId());
                        operator.stop(e);
                    } catch (Exception ex) {
                        log.warn("serve: could not stop job execution {}: {}", e.getId(), ex.toString());
                    }
                }
            }
        }
        scheduler.getScheduledExecutor().shutdown();
        try {
            if (!scheduler.getScheduledExecutor().awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("serve: the running job did not stop within {}", STOP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler.shutdown();
        log.info("serve: stopped");
        stopped.countDown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the job infrastructure and the database pool (lower phases stop later). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
