package cloud.consolesensei.job;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.config.ConfigException;
import cloud.consolesensei.config.ConfigValidator;
import cloud.consolesensei.coverage.CoverageStore;
import cloud.consolesensei.lock.AccountLocks;
import cloud.consolesensei.lock.AccountsBusyException;
import cloud.consolesensei.run.AuditRuns;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Service;

/**
 * Starts and restarts audit job executions and turns their end into the README exit code.
 */
@Service
public class AuditRunner {

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job auditJob;
    private final RunRegistry registry;
    private final ConfigValidator validator;
    private final CoverageStore coverage;
    private final List<RunStatistic> statistics;
    private final AuditRuns auditRuns;
    private final AccountLocks locks;
    private final ProcessStop processStop;
    private final RunRules rules;

    public AuditRunner(JobOperator operator, JobRepository repository, Job auditJob, RunRegistry registry,
                       ConfigValidator validator, CoverageStore coverage, List<RunStatistic> statistics,
                       AuditRuns auditRuns, AccountLocks locks, ProcessStop processStop, RunRules rules) {
        this.rules = rules;
        this.locks = locks;
        this.processStop = processStop;
        this.auditRuns = auditRuns;
        this.operator = operator;
        this.repository = repository;
        this.auditJob = auditJob;
        this.registry = registry;
        this.validator = validator;
        this.coverage = coverage;
        this.statistics = statistics;
    }

    /**
     * Runs the audit job now, synchronously, as a new job instance.
     *
     * @throws ConfigException for bad configuration, an unknown {@code --account}, a region outside the
     *                         accounts' partition or an as-of outside {@link RunRules} (nothing run)
     * @throws AccountsBusyException when a live execution holds one of the run's accounts (nothing run)
     */
    public RunOutcome run(RunRequest request) throws Exception {
        return run(request, () -> { });
    }

    /**
     * As {@link #run(RunRequest)}; {@code started} is called once the request is valid, just before
     * the job starts (the CLI prints its DEMO banner there, not before a usage error).
     */
    public RunOutcome run(RunRequest request, Runnable started) throws Exception {
        validator.validate();
        List<String> problems = new ArrayList<>(rules.regionProblems("--region", request.accountIds(), request.regions()));
        String future = rules.futureAsOf("--as-of", request.asOf());
        if (future != null) problems.add(future);
        if (!problems.isEmpty()) {
            registry.release(request.runId());
            throw new ConfigException(problems);
        }
        RunResources resources;
        try {
            resources = registry.resources(request);
            baseCredentials(resources);
        } catch (BaseCredentialsException e) {
            registry.release(request.runId());
            return new RunOutcome(-1, request.runId(), "FAILED", 1, List.of(), 0, List.of("error: " + e.getMessage()));
        } catch (ConfigException e) {
            registry.release(request.runId());
            throw e;
        }
        Optional<LocalDate> latest = rules.laterCompletedRun(ids(resources), request.asOf(), null);
        if (latest.isPresent()) {
            registry.release(request.runId());
            throw new AsOfBeforeLaterRunException(request.asOf(), latest.get());
        }
        try {
            locks.check(ids(resources));
        } catch (AccountsBusyException e) {
            registry.release(request.runId());
            throw e;
        }
        auditRuns.select(request.runId(), request.accountIds());
        started.run();
        JobExecution execution = operator.start(auditJob, request.toJobParameters());
        return outcome(execution);
    }

    /**
     * Restarts a failed, stopped or abandoned-by-a-crash execution from its last committed chunk.
     * An execution left STARTED by a process that is gone (no heartbeat for 60 s, see
     * {@link AccountLocks}) is first marked FAILED (recovered).
     *
     * @throws NotRestartableException when there is no such execution, it completed or was abandoned,
     *                                 its process is still alive, or its as-of is before the latest
     *                                 completed run of one of its accounts (README's as-of rule)
     * @throws AccountsBusyException   when another live execution holds one of its accounts
     */
    public RunOutcome restart(long executionId) throws Exception {
        validator.validate();
        JobExecution previous;
        try {
            previous = repository.getJobExecution(executionId);
        } catch (EmptyResultDataAccessException e) {
            previous = null;
        }
        if (previous == null) {
            throw new NotRestartableException("restart " + executionId + ": no such job execution (see `runs`)");
        }
        BatchStatus st = previous.getStatus();
        if (st == BatchStatus.COMPLETED || st == BatchStatus.ABANDONED) {
            throw new NotRestartableException("restart " + executionId + ": the execution is " + st
                    + "; only FAILED, STOPPED or interrupted (STARTED) executions can be restarted");
        }
        if (locks.isAlive(executionId)) {
            throw new NotRestartableException("restart " + executionId + ": the execution is still running (its process"
                    + " is alive: `runs` shows it); stop it first, or wait for it to end");
        }
        RunRequest request = registry.request(previous.getJobParameters());
        try {
            RunResources resources = registry.resources(request);
            Optional<LocalDate> latest = rules.laterCompletedRun(ids(resources), request.asOf(), request.runId());
            if (latest.isPresent()) {
                throw new NotRestartableException("restart " + executionId + ": its as-of " + request.asOf() + " is before "
                        + latest.get() + ", the as-of date of a later completed run of its accounts: the findings history"
                        + " only moves forward; start a new run instead");
            }
            locks.check(ids(resources));
            baseCredentials(resources);
        } catch (RuntimeException e) {
            registry.release(request.runId());
            throw e;
        }
        if (st == BatchStatus.STARTED || st == BatchStatus.STARTING || st == BatchStatus.STOPPING) {
            previous = operator.recover(previous);
        }
        JobExecution restarted = operator.restart(previous);
        return outcome(restarted);
    }

    /**
     * Fails before any job execution exists when the run cannot have credentials at all (configured
     * accounts, but no credential source finds any): a FAILED execution would only invite a
     * {@code restart} that cannot work until the credentials are fixed.
     *
     * @throws BaseCredentialsException naming what is missing
     */
    private static void baseCredentials(RunResources resources) {
        if (resources.request().demo()) return;
        try {
            resources.clients().resolveBaseCredentials();
        } catch (RuntimeException e) {
            throw new BaseCredentialsException(e);
        }
    }

    private static List<String> ids(RunResources resources) {
        return resources.accounts().stream().map(AccountTarget::id).toList();
    }

    /**
     * @throws AccountsBusyException when the execution lost the race for one of its accounts to
     *                               another execution started at the same moment: it ran nothing and
     *                               is marked ABANDONED (not restartable)
     */
    private RunOutcome outcome(JobExecution execution) {
        for (Throwable t : execution.getAllFailureExceptions()) {
            if (t instanceof AccountsBusyException busy) {
                execution.setStatus(BatchStatus.ABANDONED);
                repository.update(execution);
                throw busy;
            }
        }
        String runId = execution.getJobParameters().getString("run.id");
        RunHandOff handOff = RunHandOff.load(execution.getExecutionContext());
        List<Path> files = handOff.files();
        List<String> messages = new ArrayList<>();
        int gaps = coverage.countBlocking(runId);
        int exit;
        if (!handOff.notifyMessage().isBlank()) messages.add("email: " + handOff.notifyMessage());
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            boolean notifyFailed = handOff.deliveryFailed();
            exit = RunOutcome.exitCode(execution.getStatus(), gaps, notifyFailed);
            if (gaps > 0) messages.add(gaps + " coverage gap(s): see the Coverage sheet and the coverage CSV");
            if (notifyFailed) messages.add("email could not be delivered: the .eml summary is kept");
        } else if (execution.getStatus() == BatchStatus.STOPPED && processStop.requested().isPresent()) {
            ProcessStop.Signal signal = processStop.requested().get();
            exit = signal.exitCode();
            messages.add("stopped by SIG" + signal + " at its next chunk: job execution " + execution.getId()
                    + " is STOPPED; resume it with `restart " + execution.getId() + "`");
        } else {
            exit = 1;
            for (Throwable t : execution.getAllFailureExceptions()) {
                Throwable root = t;
                while (root.getCause() != null && !(root instanceof BaseCredentialsException)) root = root.getCause();
                messages.add("error: " + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage()));
            }
            messages.add("job execution " + execution.getId() + " " + execution.getStatus()
                    + ": fix the cause and run `restart " + execution.getId() + "`");
        }
        for (RunStatistic s : statistics) {
            String line = s.line(runId, Boolean.parseBoolean(execution.getJobParameters().getString("demo")));
            if (line != null) messages.add(line);
        }
        return new RunOutcome(execution.getId(), runId, execution.getStatus().name(), exit, files, gaps, messages);
    }
}
