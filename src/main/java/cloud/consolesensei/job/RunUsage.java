package cloud.consolesensei.job;

/**
 * The shared part of a capability's per-run usage count (AWS requests made, prices taken from a cache): the
 * {@link RunCounter} of its named counts, counted per collect partition too ({@link PartitionCounted}) so a
 * remote run's workers' counts reach the manager, and the run summary's line ({@link RunStatistic}) each
 * capability words itself. Thread-safe.
 */
public abstract class RunUsage implements RunStatistic, PartitionCounted {

    private final RunCounter counter;

    /** @param counts the counts' names, in slot order (step execution context keys {@code usage.<name>}) */
    protected RunUsage(String... counts) {
        this.counter = new RunCounter(counts);
    }

    @Override
    public final RunCounter counter() {
        return counter;
    }

    /** Adds {@code n} to count {@code slot} of run {@code runId}. */
    protected final void add(String runId, int slot, long n) {
        counter.add(runId, slot, n);
    }

    /** Count {@code slot} of run {@code runId} so far (0 when none). */
    protected final long count(String runId, int slot) {
        return counter.get(runId, slot);
    }
}
