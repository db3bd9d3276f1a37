package cloud.consolesensei.schedule;

import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.job.AuditJobConfig;
import cloud.consolesensei.job.AuditRunner;
import cloud.consolesensei.job.RunOutcome;
import cloud.consolesensei.job.RunRequest;
import cloud.consolesensei.lock.AccountsBusyException;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
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
                          ConsoleSenseiProperties props) {
        this.runner = runner;
        this.operator = operator;
        this.repository = repository;
        this.locks = locks;
        this.props = props;
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
        try {
            if (!running) return;
            MDC.put("run", runId);
            RunRequest request = new RunRequest(runId, LocalDate.ofInstant(at, ZoneOffset.UTC), List.of(), List.of(),
                    props.reportsPath(), false, demo, false);
            currentRun.set(runId);
            ran.incrementAndGet();
            RunOutcome o = runner.run(request);
            for (String m : o.messages()) log.info("serve: {}", m);
            log.info("serve: audit at {}: job execution {} {}, exit code {}, {} file(s) written", at, o.executionId(),
                    o.status(), o.exitCode(), o.files().size());
        } catch (AccountsBusyException e) {
            conflicts.incrementAndGet();
            log.warn("serve: audit at {} skipped: {}", at, e.getMessage());
        } catch (Exception e) {
            log.error("serve: audit at {} could not run: {}", at, e.toString());
        } finally {
            currentRun.set(null);
            lock.get().unlock();
            MDC.remove("run");
            if (running) log.info("serve: next audit run at {}", next(cron, zone, Instant.now()));
        }
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
