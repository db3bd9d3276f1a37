package cloud.consolesensei.job;

/**
 * A capability whose per-run counts are counted per collect partition too ({@link RunCounter}), so
 * that in remote mode the workers' counts reach the manager's run summary through the job
 * repository ({@link PartitionUsage}).
 */
public interface PartitionCounted {

    /** The counts. */
    RunCounter counter();
}
