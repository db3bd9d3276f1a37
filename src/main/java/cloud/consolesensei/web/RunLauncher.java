package cloud.consolesensei.web;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.config.ConfigException;
import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.lock.AccountsBusyException;
import cloud.consolesensei.job.AccountSelection;
import cloud.consolesensei.job.AsOfBeforeLaterRunException;
import cloud.consolesensei.job.AuditRunner;
import cloud.consolesensei.job.NotRestartableException;
import cloud.consolesensei.job.RunOutcome;
import cloud.consolesensei.job.RunRegistry;
import cloud.consolesensei.job.RunRequest;
import cloud.consolesensei.job.RunRules;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * Starts, restarts and stops audit job executions for the console and the API. The request is
 * checked first (400 naming the value: an account that is not configured, a region that is not an
 * AWS region of the account's partition, a date in the future or before the accounts' latest
 * completed run); the run then goes on in the background, and the caller gets its execution as soon
 * as the job repository has it. Every action is written to the {@link AuditLog}.
 */
@ConditionalOnServe
@Service
public class RunLauncher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RunLauncher.class);

    /** How long a caller waits for the job repository to show the new execution. */
    private static final Duration START_WAIT = Duration.ofSeconds(60);

    private final AuditRunner runner;
    private final JobOperator operator;
    private final JobRepository repository;
    private final RunViews views;
    private final ConsoleSenseiProperties props;
    private final ObjectProvider<ServeMode> mode;
    private final Liveness liveness;
    private final JdbcTemplate jdbc;
    private final RunRules rules;
    private final RunRegistry registry;
    private final SimpleAsyncTaskExecutor background = new SimpleAsyncTaskExecutor("web-run-");
    private final Map<Long, CompletableFuture<RunOutcome>> running = new ConcurrentHashMap<>();

    public RunLauncher(AuditRunner runner, JobOperator operator, JobRepository repository, RunViews views,
                       ConsoleSenseiProperties props, ObjectProvider<ServeMode> mode,
                       Liveness liveness, JdbcTemplate jdbc, RunRules rules, RunRegistry registry) {
        this.rules = rules;
        this.registry = registry;
        this.runner = runner;
        this.operator = operator;
        this.repository = repository;
        this.views = views;
        this.props = props;
        this.mode = mode;
        this.liveness = liveness;
        this.jdbc = jdbc;
    }

    /**
     * What to run; each part optional (absent or empty: all).
     *
     * @param accounts 12-digit account ids, each configured (or discovered)
     * @param regions  AWS region names of the accounts' partition
     * @param asOf     the as-of date, no later than today in {@code consolesensei.schedule.zone}
     */
    public record Start(List<String> accounts, List<String> regions, LocalDate asOf) {

        public Start {
            accounts = accounts == null ? List.of() : List.copyOf(new LinkedHashSet<>(accounts));
            regions = regions == null ? List.of() : List.copyOf(new LinkedHashSet<>(regions));
        }
    }

    /**
     * Starts a run in the background.
     *
     * @return the new execution
     * @throws ApiProblem 400 for a bad request, 409 when a live execution holds one of its accounts
     */
    public RunView start(Start start, Authentication who) {
        boolean demo = demo();
        check(start, demo);
        LocalDate asOf = start.asOf() != null ? start.asOf() : rules.today();
        RunRequest request = new RunRequest(UUID.randomUUID().toString(), asOf, start.accounts(), start.regions(),
                props.reportsPath(), false, demo, false);
        long id = launch(() -> {
            CompletableFuture<Void> started = new CompletableFuture<>();
            return new Launched(started, background.submitCompletable(() -> runner.run(request, () -> started.complete(null))),
                    () -> executionOf(request.runId(), 0));
        });
        AuditLog.record(who, "start", "accounts=" + (start.accounts().isEmpty() ? "all" : start.accounts())
                + " regions=" + (start.regions().isEmpty() ? "all" : start.regions()) + " as-of=" + asOf + " execution=" + id);
        return views.get(id).orElseThrow();
    }

    /**
     * Restarts a failed or stopped execution (or one whose process died) in the background, from its
     * last committed chunk.
     *
     * @return the new execution of the same run
     * @throws ApiProblem 404 for an unknown execution, 409 when it is not restartable (running,
     *                    completed, or older than its accounts' latest completed run)
     */
    public RunView restart(long executionId, Authentication who) {
        RunView v = views.get(executionId).orElseThrow(() -> ApiProblem.notFound("no job execution " + executionId));
        if (!v.restartable()) {
            throw ApiProblem.conflict("job execution " + executionId + " is " + v.status()
                    + (v.running() ? " and its process is alive" : "") + "; only FAILED or STOPPED executions (or ones whose"
                    + " process died) can be restarted");
        }
        // the as-of rule (RunRules) is AuditRunner.restart's: its NotRestartableException answers 409 (refused)
        long id = launch(() -> {
            CompletableFuture<Void> started = CompletableFuture.completedFuture(null);
            return new Launched(started, background.submitCompletable(() -> runner.restart(executionId)),
                    () -> executionOf(v.runId(), executionId));
        });
        AuditLog.record(who, "restart", "execution=" + executionId + " run=" + v.runId() + " new-execution=" + id);
        return views.get(id).orElseThrow();
    }

    /**
     * Asks a running execution to stop at its next chunk (it ends STOPPED, restartable).
     *
     * @throws ApiProblem 404 for an unknown execution, 409 when it is not running
     */
    public RunView stop(long executionId, Authentication who) {
        RunView v = views.get(executionId).orElseThrow(() -> ApiProblem.notFound("no job execution " + executionId));
        if (!v.running() || !v.alive() || "STOPPING".equals(v.status())) {
            throw ApiProblem.conflict("job execution " + executionId + " is not running (" + v.status()
                    + (v.running() && !v.alive() ? ", its process is gone: restart it" : "") + ")");
        }
        try {
            JobExecution e = repository.getJobExecution(executionId);
            operator.stop(e);
        } catch (JobExecutionNotRunningException e) {
            throw ApiProblem.conflict("job execution " + executionId + " is not running");
        }
        AuditLog.record(who, "stop", "execution=" + executionId + " run=" + v.runId());
        return views.get(executionId).orElseThrow();
    }

    /** A run handed to the background: when its job starts, how it ends, and where to find its execution. */
    private record Launched(CompletableFuture<Void> started, CompletableFuture<RunOutcome> outcome,
                            Supplier<Optional<Long>> execution) {
    }

    /** Waits until the job repository shows the launched execution, or the launch failed before it. */
    private long launch(Supplier<Launched> submit) {
        Launched l = submit.get();
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (l.outcome().isDone() && !l.started().isDone() || l.outcome().isCompletedExceptionally()) {
                throw refused(l.outcome());
            }
            if (l.started().isDone()) {
                Optional<Long> id = l.execution().get();
                if (id.isPresent()) {
                    long executionId = id.get();
                    liveness.running(executionId);
                    running.put(executionId, l.outcome());
                    l.outcome().whenComplete((o, e) -> {
                        liveness.ended(executionId);
                        running.remove(executionId);
                        if (e != null) log.error("web: job execution {} could not run: {}", executionId, e.toString());
                    });
                    return executionId;
                }
            }
            try {
                l.outcome().get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException ignored) {
                // still starting, or failed: looked at in the next round
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the job execution did not start within " + START_WAIT);
    }

    /**
     * The refusal of a launch that failed before its job started: 409 when a live execution holds one
     * of its accounts (the per-account lock) or the execution is not restartable, 400 for a bad request.
     */
    private static RuntimeException refused(CompletableFuture<RunOutcome> outcome) {
        Throwable cause;
        try {
            outcome.join();
            return new IllegalStateException("the job ended before it started");
        } catch (RuntimeException e) {
            cause = e.getCause() != null ? e.getCause() : e;
        }
        if (cause instanceof AccountsBusyException busy) {
            return ApiProblem.conflict(busy.getMessage());
        }
        if (cause instanceof NotRestartableException nr) {
            return ApiProblem.conflict(String.join("; ", nr.problems()));
        }
        if (cause instanceof AsOfBeforeLaterRunException before) {
            return ApiProblem.badRequest(RunRules.beforeLaterRun("asOf", before.asOf(), before.latest()));
        }
        if (cause instanceof ConfigException ce) {
            return ApiProblem.badRequest(String.join("; ", ce.problems()));
        }
        if (cause instanceof RuntimeException re) return re;
        return new IllegalStateException(cause.toString(), cause);
    }

    /** The newest execution of run {@code runId} with an id above {@code after}. */
    private Optional<Long> executionOf(String runId, long after) {
        return jdbc.query("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION_PARAMS WHERE PARAMETER_NAME = 'run.id'"
                + " AND PARAMETER_VALUE = ? AND JOB_EXECUTION_ID > ?", rs -> {
            rs.next();
            long id = rs.getLong(1);
            return rs.wasNull() ? Optional.<Long>empty() : Optional.of(id);
        }, runId, after);
    }

    /** 400 for accounts that are not configured, regions outside their partition, and future dates ({@link RunRules}). */
    private void check(Start start, boolean demo) {
        // with discovery the accounts are known only when the run lists them: RunRegistry checks them then
        List<String> problems = new ArrayList<>(AccountSelection.problems("accounts:", start.accounts(),
                props.organizations().discover() ? null : registry.known(demo).stream().map(AccountTarget::id).toList()));
        problems.addAll(rules.regionProblems("regions:", start.accounts(), start.regions()));
        String future = rules.futureAsOf("asOf:", start.asOf());
        if (future != null) problems.add(future);
        if (!problems.isEmpty()) throw ApiProblem.badRequest(String.join("; ", problems));
    }

    private boolean demo() {
        ServeMode m = mode.getIfAvailable();
        return m != null && m.demoEstate();
    }

    /**
     * The application context closes (SIGTERM): every execution this process launched is stopped at
     * its next chunk (it ends STOPPED, restartable), and the close waits up to 5 minutes for them.
     */
    @Override
    public void destroy() {
        for (Long id : running.keySet()) {
            try {
                log.info("web: stopping job execution {}; resume it with `restart {}`", id, id);
                operator.stop(repository.getJobExecution(id));
            } catch (Exception e) {
                log.warn("web: could not stop job execution {}: {}", id, e.toString());
            }
        }
        try {
            CompletableFuture.allOf(running.values().toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        } catch (TimeoutException | ExecutionException e) {
            log.warn("web: a job execution did not stop cleanly: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        background.close();
    }
}
