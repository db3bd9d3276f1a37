package cloud.consolesensei.partition;

import cloud.consolesensei.job.PartitionWork;
import cloud.consolesensei.job.RunRegistry;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.ImmediateRequeueAmqpException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.EmptyResultDataAccessException;

/**
 * A worker's handling of one collect partition request. Spring Batch's
 * {@link StepExecutionRequestHandler} runs whatever step execution it is given; around it this
 * class makes a request safe to receive twice, from a dead worker's redelivery or a duplicate:
 * <ol>
 *   <li>a request that is not for the {@code collect.partition} step, or names a step execution
 *   the job repository does not have, is refused: RabbitMQ dead-letters it (no requeue loop);</li>
 *   <li>a partition that has already ended (COMPLETED, FAILED, STOPPED...) or whose job
 *   execution has ended is not run again: the request is acknowledged and nothing changes;</li>
 *   <li>the partition's step lock is taken ({@link PartitionLease}): a partition another live worker
 *   is running is waited for, then found ended; one whose worker died (status still STARTED) is
 *   run again here from its last committed chunk;</li>
 *   <li>one of the account's slots is taken, the per-account cap across all workers;</li>
 *   <li>the run's AWS clients are closed once this process has no partition of the run left.</li>
 * </ol>
 * While the worker is stopping, a request still waiting for a lock is given back to the broker
 * (requeued at once) for another worker. A failure to reach the database gives the request back
 * after a pause rather than dead-lettering a good request.
 *
 * <p>Each request is counted, {@code consolesensei_partition_requests_total{outcome}}: {@code ran} (the
 * partition ran here), {@code ended} (nothing to do), {@code refused} (dead-lettered), {@code given_back}
 * (requeued for another worker).
 */
public class PartitionRequestHandler {

    /** The step the workers run: the collect step's partition step. */
    public static final String STEP = "collect.partition";

    private static final Logger log = LoggerFactory.getLogger(PartitionRequestHandler.class);
    private static final Duration LOCK_POLL = Duration.ofMillis(500);
    private static final Duration DATABASE_PAUSE = Duration.ofSeconds(5);

    private final JobRepository repository;
    private final StepExecutionRequestHandler delegate;
    private final DataSource dataSource;
    private final RunRegistry registry;
    private final int perAccount;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger running = new AtomicInteger();
    private final Map<String, Integer> partitionsPerRun = new HashMap<>();
    private final MeterRegistry metrics;

    /**
     * @param repository the shared job repository
     * @param delegate   Spring Batch's handler, with the collect partition step
     * @param dataSource the shared PostgreSQL database (locks)
     * @param registry   the runs' resources in this process (AWS clients)
     * @param perAccount partitions of one account at once across all workers
     * @param metrics    where the requests are counted
     */
    public PartitionRequestHandler(JobRepository repository, StepExecutionRequestHandler delegate, DataSource dataSource,
                                   RunRegistry registry, int perAccount, MeterRegistry metrics) {
        this.metrics = metrics;
        OUTCOMES.forEach(this::requests); // every series exists from the start, at zero
        this.repository = repository;
        this.delegate = delegate;
        this.dataSource = dataSource;
        this.registry = registry;
        this.perAccount = perAccount;
    }

    /** The outcomes a request is counted by. */
    static final List<String> OUTCOMES = List.of("ran", "ended", "refused", "given_back");

    /**
     * Handles one message's payload: a {@link StepExecutionRequest} as {@link #handle} says; anything
     * else is refused. Counts the outcome.
     *
     * @throws AmqpRejectAndDontRequeueException for a message no worker can ever run (dead-lettered)
     * @throws ImmediateRequeueAmqpException     when the request is given back for another worker
     */
    public void accept(Object payload) {
        try {
            if (!(payload instanceof StepExecutionRequest request)) {
                throw new AmqpRejectAndDontRequeueException("refused a message that is not a step execution request: "
                        + payload.getClass().getSimpleName());
            }
            requests(handle(request) ? "ran" : "ended").increment();
        } catch (AmqpRejectAndDontRequeueException e) {
            requests("refused").increment();
            throw e;
        } catch (ImmediateRequeueAmqpException e) {
            requests("given_back").increment();
            throw e;
        }
    }

    private Counter requests(String outcome) {
        return Counter.builder("consolesensei.partition.requests").description("Partition requests taken by this worker, by outcome")
                .tag("outcome", outcome).register(metrics);
    }

    /**
     * Runs the partition a request names, or nothing when it already ended (see the class comment).
     *
     * @return true when the partition ran here, false when there was nothing to do
     * @throws AmqpRejectAndDontRequeueException for a request no worker can ever run (dead-lettered)
     * @throws ImmediateRequeueAmqpException     when the request is given back for another worker
     */
    boolean handle(StepExecutionRequest request) {
        if (!STEP.equals(request.getStepName())) {
            throw new AmqpRejectAndDontRequeueException("refused " + request + ": this worker runs only the " + STEP + " step");
        }
        if (stopping.get()) {
            pause(LOCK_POLL); // the container still delivers until it stops: do not spin on one request
            throw new ImmediateRequeueAmqpException("worker stopping: request given back");
        }
        long id = request.getStepExecutionId();
        try {
            StepExecution before = load(id);
            if (ended(before, false)) return false;
            try (PartitionLease lease = PartitionLease.open(dataSource)) {
                await(() -> lease.tryStep(id), "partition " + name(before) + " (step execution " + id + ") is running on another worker");
                StepExecution se = load(id);
                if (ended(se, true)) return false;
                if (se.getStatus() == BatchStatus.STARTED) {
                    log.info("partition {} (step execution {}) was left running by a worker that stopped: running it again"
                            + " from its last committed chunk", name(se), id);
                }
                String account = se.getExecutionContext().getString(PartitionWork.ACCOUNT, "");
                await(() -> lease.tryAccountSlot(account, perAccount) >= 0, "account " + account + " has " + perAccount
                        + " partition(s) running across the workers (consolesensei.aws.concurrency-per-account)");
                if (ended(load(id), true)) return false; // its job may have been stopped while this waited
                run(request, se.getJobParameters().getString("run.id"));
                return true;
            }
        } catch (DataAccessException e) {
            log.warn("partition request {}: the database failed ({}); giving the request back", request, e.getMessage());
            pause(DATABASE_PAUSE);
            throw new ImmediateRequeueAmqpException("database unavailable", e);
        } finally {
            MDC.clear(); // a consumer thread serves many runs: the next request starts with no run in its log lines
        }
    }

    /** Stops taking locks: requests still waiting are given back; the ones running go on. */
    void stopping() {
        stopping.set(true);
    }

    /** Partitions running in this process now. */
    int running() {
        return running.get();
    }

    private void run(StepExecutionRequest request, String runId) {
        running.incrementAndGet();
        synchronized (partitionsPerRun) {
            partitionsPerRun.merge(runId, 1, Integer::sum);
        }
        try {
            delegate.handle(request);
        } finally {
            synchronized (partitionsPerRun) {
                if (partitionsPerRun.merge(runId, -1, Integer::sum) == 0) {
                    partitionsPerRun.remove(runId);
                    registry.release(runId); // closes the AWS clients this process built for the run
                }
            }
            running.decrementAndGet();
        }
    }

    private StepExecution load(long id) {
        StepExecution se;
        try {
            se = repository.getStepExecution(id);
        } catch (EmptyResultDataAccessException e) {
            se = null;
        }
        if (se == null) {
            throw new AmqpRejectAndDontRequeueException("refused a request for step execution " + id
                    + ": the job repository has no such step execution (a request from another database?)");
        }
        if (!se.getStepName().startsWith(STEP + ":")) {
            throw new AmqpRejectAndDontRequeueException("refused a request for step execution " + id + " ("
                    + se.getStepName() + "): not a collect partition");
        }
        return se;
    }

    /**
     * True (after saying so) when the partition must not run: it ended already, or its job
     * execution did. A partition of a job being stopped that no worker runs — not started, or, with
     * its step lock held here ({@code locked}), left STARTED by a worker that died — is marked STOPPED,
     * so the manager, which waits for every partition to end, can stop.
     */
    private boolean ended(StepExecution se, boolean locked) {
        if (!se.getStatus().isRunning()) {
            log.info("partition {} (step execution {}) is already {}: request delivered again, nothing to do",
                    name(se), se.getId(), se.getStatus());
            return true;
        }
        JobExecution job = se.getJobExecution();
        // a stopped execution is written STOPPED at once by Spring Batch (it has an end time), or STOPPING
        boolean stopping = job.isStopping() || job.isStopped();
        if (stopping && (se.getStatus() == BatchStatus.STARTING || locked && se.getStatus() == BatchStatus.STARTED)) {
            se.setStatus(BatchStatus.STOPPED);
            se.setEndTime(LocalDateTime.now());
            repository.update(se);
            log.info("partition {} (step execution {}) not started: its job execution {} is stopping", name(se), se.getId(), job.getId());
            return true;
        }
        if (!job.getStatus().isRunning()) {
            log.info("partition {} (step execution {}) not run: its job execution {} is {} (`restart {}` sends it again)",
                    name(se), se.getId(), job.getId(), job.getStatus(), job.getId());
            return true;
        }
        return false;
    }

    /** Waits until {@code lock} succeeds; gives the request back when the worker is stopping. */
    private void await(BooleanSupplier lock, String why) {
        boolean said = false;
        while (!lock.getAsBoolean()) {
            if (!said) {
                log.info("waiting: {}", why);
                said = true;
            }
            if (stopping.get() || !pause(LOCK_POLL)) {
                throw new ImmediateRequeueAmqpException("worker stopping: request given back");
            }
        }
    }

    /** Sleeps; false when interrupted. */
    private static boolean pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String name(StepExecution se) {
        return se.getExecutionContext().getString(PartitionWork.ACCOUNT, "?") + "/"
                + se.getExecutionContext().getString(PartitionWork.REGION, "?");
    }
}
