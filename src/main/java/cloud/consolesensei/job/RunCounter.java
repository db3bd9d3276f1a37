package cloud.consolesensei.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Named counts per run (e.g. Cost Explorer requests; GetMetricData calls and metrics requested),
 * kept twice: per run id for the run summary, and per thread since {@link #resetThread()}, which
 * is what one collect partition counted (a partition runs on one thread). {@link PartitionUsage}
 * keeps a partition's thread counts in its step execution context; in remote mode the manager adds
 * its workers' with {@link #addElsewhere}, so the summary counts what every process asked. Thread-safe;
 * counts live in memory for the life of the process.
 */
public final class RunCounter {

    private final List<String> names;
    private final Map<String, long[]> runs = new ConcurrentHashMap<>();
    private final ThreadLocal<long[]> thread;

    /** @param names the counts, e.g. {@code cost-explorer-requests}: step execution context keys under {@code usage.} */
    public RunCounter(String... names) {
        this.names = List.of(names);
        this.thread = ThreadLocal.withInitial(() -> new long[names.length]);
    }

    /** Adds {@code n} to count {@code index} (the constructor's order) of run {@code runId}, and of this thread. */
    public void add(String runId, int index, long n) {
        long[] c = runs.computeIfAbsent(key(runId), k -> new long[names.size()]);
        synchronized (c) {
            c[index] += n;
        }
        thread.get()[index] += n;
    }

    /** Count {@code index} of run {@code runId} so far (0 when none). */
    public long get(String runId, int index) {
        long[] c = runs.get(key(runId));
        if (c == null) return 0;
        synchronized (c) {
            return c[index];
        }
    }

    /** The names of the counts, in the constructor's order. */
    public List<String> names() {
        return names;
    }

    /** Starts this thread's counts from zero (a collect partition starting or resuming on it). */
    public void resetThread() {
        java.util.Arrays.fill(thread.get(), 0);
    }

    /** This thread's counts since {@link #resetThread()}, by name. */
    public Map<String, Long> threadCounts() {
        long[] t = thread.get();
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) m.put(names.get(i), t[i]);
        return m;
    }

    /**
     * Adds counts other processes made for run {@code runId} (a remote run's workers, read from the
     * partitions' step execution contexts); names this counter does not know are ignored.
     */
    public void addElsewhere(String runId, Map<String, Long> counts) {
        long[] c = runs.computeIfAbsent(key(runId), k -> new long[names.size()]);
        synchronized (c) {
            for (int i = 0; i < names.size(); i++) c[i] += counts.getOrDefault(names.get(i), 0L);
        }
    }

    private static String key(String runId) {
        return runId == null ? "" : runId;
    }
}
