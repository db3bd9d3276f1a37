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
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;

/**
 * The manager's side of remote partitioning: Spring Batch's {@link MessageChannelPartitionHandler}
 * sends one request per collect partition to the broker and then polls the job repository (every
 * {@link #POLL_INTERVAL}) until every partition has ended, so no worker sends a reply and nothing
 * large crosses the broker. On top of it:
 * <ul>
 *   <li>when the workers have not finished every partition within
 *   {@code consolesensei.partitioning.timeout}, the step fails with a {@link PartitionTimeoutException}
 *   naming the unfinished partitions (the job fails, exit 1; {@code restart} runs them again);</li>
 *   <li>the workers' counts, read from the partitions' step execution contexts
 *   ({@link PartitionUsage}), are added to the run's figures ({@link PartitionCounted}: Cost Explorer
 *   requests, GetMetricData calls and metrics requested, Price List calls and cached prices), and
 *   their AWS calls summed per worker process for the run summary ({@link #summary(Set)}).</li>
 * </ul>
 */
public class RemotePartitionHandler extends MessageChannelPartitionHandler {

    /** How often the manager reads the partitions' status from the job repository. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(RemotePartitionHandler.class);

    private final JobRepository repository;
    private final Duration timeout;
    private final List<PartitionCounted> counted;
    private final Map<String, String> summaries = new ConcurrentHashMap<>();

    /**
     * @param repository   the shared job repository the workers update
     * @param timeout      how long to wait for every partition to end
     * @param counted      the run's counts, to which the workers' are added
     */
    public RemotePartitionHandler(JobRepository repository, Duration timeout, List<PartitionCounted> counted) {
        this.repository = repository;
        this.timeout = timeout;
        this.counted = counted;
        setJobRepository(repository);
        setPollInterval(POLL_INTERVAL.toMillis());
        setTimeout(timeout.toMillis());
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
        log.info("collect: {} partition(s) sent to the workers over RabbitMQ; waiting up to {} for them",
                partitions.size(), PartitionTimeoutException.text(timeout));
        Set<StepExecution> done;
        try {
            done = super.doHandle(manager, partitions);
        } catch (TimeoutException e) {
            throw new PartitionTimeoutException(failUnfinished(manager, partitions), timeout, manager.getJobExecutionId());
        }
        String runId = manager.getJobParameters().getString("run.id");
        addWorkerCounts(runId, done.stream().map(StepExecution::getExecutionContext).toList(), counted);
        summaries.put(runId, summary(done));
        return done;
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
        return running.stream()
                .map(s -> s.getStepName().substring(s.getStepName().indexOf(':') + 1) + " (step execution " + s.getId() + ")")
                .toList();
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
