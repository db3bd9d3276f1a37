package cloud.consolesensei.partition;

import cloud.consolesensei.job.PartitionCounted;
import cloud.consolesensei.job.PartitionUsage;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.support.MessageBuilder;

/**
 * The manager's side of remote partitioning, a Spring Batch {@link AbstractPartitionHandler}: it sends
 * one {@link StepExecutionRequest} per collect partition through the Spring Integration channel to the
 * broker, then polls the job repository (every {@link #POLL_INTERVAL}) until every partition has ended,
 * so no worker sends a reply and nothing large crosses the broker (as Spring Batch's
 * {@code MessageChannelPartitionHandler} does when it polls the repository). On top of it:
 * <ul>
 *   <li>when the workers have not finished every partition within
 *   {@code consolesensei.partitioning.timeout}, the step fails with a {@link PartitionTimeoutException}
 *   naming the unfinished partitions (the job fails, exit 1; {@code restart} runs them again);</li>
 *   <li>when the job execution is being stopped (SIGINT or SIGTERM to the manager, the API's stop), the
 *   partitions no worker is running (their step lock is free, {@link PartitionLease}: queued, or left
 *   by a worker that died) are marked STOPPED here rather than waited for; the ones a worker runs stop at
 *   their next chunk, so the execution ends STOPPED within a chunk's time, restartable;</li>
 *   <li>the workers' counts, read from the partitions' step execution contexts
 *   ({@link PartitionUsage}), are added to the run's figures ({@link PartitionCounted}: Cost Explorer
 *   requests, GetMetricData calls and metrics requested, Price List calls and cached prices), and
 *   their AWS calls summed per worker process for the run summary ({@link #summary(Set)}).</li>
 * </ul>
 */
public class RemotePartitionHandler extends AbstractPartitionHandler {

    /** How often the manager reads the partitions' status from the job repository. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(RemotePartitionHandler.class);

    private final JobRepository repository;
    private final MessagingTemplate requests;
    private final DataSource dataSource;
    private final Duration timeout;
    private final List<PartitionCounted> counted;
    private final Map<String, String> summaries = new ConcurrentHashMap<>();

    /**
     * @param repository the shared job repository the workers update
     * @param requests   sends a request to the broker (the channel to the AMQP outbound adapter)
     * @param dataSource the shared PostgreSQL database, whose partition locks say which partitions a worker runs
     * @param timeout    how long to wait for every partition to end
     * @param counted    the run's counts, to which the workers' are added
     */
    public RemotePartitionHandler(JobRepository repository, MessagingTemplate requests, DataSource dataSource,
                                  Duration timeout, List<PartitionCounted> counted) {
        this.repository = repository;
        this.requests = requests;
        this.dataSource = dataSource;
        this.timeout = timeout;
        this.counted = counted;
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
        if (partitions.isEmpty()) return partitions;
        for (StepExecution p : partitions) {
            requests.send(MessageBuilder.withPayload(new StepExecutionRequest(PartitionRequestHandler.STEP, p.getId())).build());
        }
        log.info("collect: {} partition(s) sent to the workers over RabbitMQ; waiting up to {} for them",
                partitions.size(), PartitionTimeoutException.text(timeout));
        Set<StepExecution> done = await(manager, partitions);
        String runId = manager.getJobParameters().getString("run.id");
        addWorkerCounts(runId, done.stream().map(StepExecution::getExecutionContext).toList(), counted);
        summaries.put(runId, summary(done));
        return done;
    }

    /** Polls the job repository until every partition has ended, stopping the idle ones when the job stops. */
    private Set<StepExecution> await(StepExecution manager, Set<StepExecution> sent) throws InterruptedException {
        Set<Long> ids = sent.stream().map(StepExecution::getId).collect(Collectors.toSet());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JobExecution job = repository.getJobExecution(manager.getJobExecutionId());
            Set<StepExecution> mine = job.getStepExecutions().stream().filter(s -> ids.contains(s.getId()))
                    .collect(Collectors.toSet());
            List<StepExecution> running = mine.stream().filter(s -> s.getStatus().isRunning()).toList();
            if (running.isEmpty()) return mine;
            // Spring Batch writes a stopped execution STOPPED at once (it has an end time): both mean "stop"
            if (job.isStopping() || job.isStopped()) stopIdle(running, job.getId());
            if (System.nanoTime() > deadline) {
                List<String> unfinished = failUnfinished(manager, sent);
                if (!unfinished.isEmpty()) throw new PartitionTimeoutException(unfinished, timeout, manager.getJobExecutionId());
                continue; // the last ones ended since this poll: read them once more
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /**
     * Marks STOPPED each of {@code running} that no worker runs: one whose step lock this process can take.
     * Holding the lock while it writes, no worker can start the partition meanwhile; a worker that takes
     * its request later finds it ended and does nothing.
     */
    private void stopIdle(List<StepExecution> running, long jobExecutionId) {
        for (StepExecution s : running) {
            try (PartitionLease lease = PartitionLease.open(dataSource)) {
                if (!lease.tryStep(s.getId())) continue; // a worker runs it: it stops at its next chunk
                StepExecution now = repository.getStepExecution(s.getId());
                if (now == null || !now.getStatus().isRunning()) continue;
                now.setStatus(BatchStatus.STOPPED);
                now.setExitStatus(ExitStatus.STOPPED.addExitDescription("job execution " + jobExecutionId
                        + " stopped before a worker ran this partition"));
                now.setEndTime(LocalDateTime.now());
                repository.update(now);
                log.info("collect: partition {} (step execution {}) STOPPED: no worker was running it",
                        partitionName(now), now.getId());
            }
        }
    }

    /**
     * Adds to each of {@code counted}'s run counts what the partitions kept in their step execution
     * contexts ({@code partitions}): what the workers that ran them counted.
     */
    static void addWorkerCounts(String runId, Collection<ExecutionContext> partitions, List<PartitionCounted> counted) {
        for (PartitionCounted c : counted) {
            for (ExecutionContext ec : partitions) {
                c.counter().addElsewhere(runId, PartitionUsage.counts(ec, c.counter().names()));
            }
        }
    }

    /** The run summary's line about the workers of run {@code runId}, or null when it ran none remotely. */
    String summary(String runId) {
        return runId == null ? null : summaries.remove(runId);
    }

    /**
     * Marks the partitions still running FAILED and returns their names, e.g.
     * {@code collect:111111111111:eu-west-1 (step execution 9)}. A partition left STARTING or STARTED
     * would block {@code restart} (Spring Batch refuses to restart an execution with a running step);
     * FAILED, it is run again by the restart from its last committed chunk, and a worker that receives
     * its old request later leaves it alone. A worker still running it after all fails its next chunk
     * commit on the step execution's version, so nothing it does is kept twice.
     */
    private List<String> failUnfinished(StepExecution manager, Set<StepExecution> sent) {
        Set<Long> ids = sent.stream().map(StepExecution::getId).collect(Collectors.toSet());
        List<StepExecution> running = repository.getJobExecution(manager.getJobExecutionId()).getStepExecutions().stream()
                .filter(s -> ids.contains(s.getId()) && s.getStatus().isRunning())
                .sorted(Comparator.comparing(StepExecution::getStepName)).toList();
        for (StepExecution s : running) {
            s.setStatus(BatchStatus.FAILED);
            s.setExitStatus(ExitStatus.FAILED.addExitDescription("no worker finished it within "
                    + PartitionTimeoutException.text(timeout) + " (consolesensei.partitioning.timeout)"));
            s.setEndTime(LocalDateTime.now());
            repository.update(s);
        }
        return running.stream().map(s -> partitionName(s) + " (step execution " + s.getId() + ")").toList();
    }

    /** {@code collect:111111111111:eu-west-1}: the partition's step name without the worker step's. */
    private static String partitionName(StepExecution s) {
        return s.getStepName().substring(s.getStepName().indexOf(':') + 1);
    }

    /**
     * {@code workers: 2 processes ran 12 partitions, 1,234 AWS API calls (1234@host-a: 6 partitions,
     * 600 calls; ...)}: per worker process, the partitions it ran last and the calls they made.
     */
    static String summary(Set<StepExecution> partitions) {
        Map<String, long[]> byProcess = new TreeMap<>();
        for (StepExecution s : partitions) {
            String process = s.getExecutionContext().getString(PartitionUsage.PROCESS, "unknown");
            long[] n = byProcess.computeIfAbsent(process, p -> new long[2]);
            n[0]++;
            n[1] += s.getExecutionContext().getLong(PartitionUsage.AWS_CALLS, 0L);
        }
        long calls = byProcess.values().stream().mapToLong(n -> n[1]).sum();
        String each = byProcess.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()[0] + " partition(s), " + e.getValue()[1] + " call(s)")
                .collect(Collectors.joining("; "));
        return "workers: " + byProcess.size() + " process(es) ran " + partitions.size() + " partition(s), "
                + calls + " AWS API call(s) (" + each + ")";
    }
}
