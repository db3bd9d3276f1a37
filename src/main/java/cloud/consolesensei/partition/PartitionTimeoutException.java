package cloud.consolesensei.partition;

import java.time.Duration;
import java.util.List;

/**
 * No worker finished some collect partitions within {@code consolesensei.partitioning.timeout}: the
 * collect step, and so the run, fails (exit 1); {@code restart} sends the unfinished partitions again
 * and they resume from their last committed chunk.
 */
public class PartitionTimeoutException extends RuntimeException {

    /**
     * @param partitions  the unfinished partitions, e.g. {@code collect:111111111111:eu-west-1 (step execution 9)}
     * @param timeout     the timeout that passed
     * @param executionId the job execution that fails
     */
    public PartitionTimeoutException(List<String> partitions, Duration timeout, long executionId) {
        super("no worker finished partition(s) " + String.join(", ", partitions) + " of job execution " + executionId
                + " within " + text(timeout) + " (consolesensei.partitioning.timeout): check that `worker` processes"
                + " are running and reach RabbitMQ and PostgreSQL");
    }

    /** {@code 30m}, {@code 90s}: as the configuration writes it. */
    static String text(Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }
}
