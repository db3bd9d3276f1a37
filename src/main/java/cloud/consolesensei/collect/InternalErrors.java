package cloud.consolesensei.collect;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which defects already had their stack trace logged: once per run, exception type and
 * throwing code location, so a bug in a check that meets 100,000 resources logs one stack trace,
 * not 100,000. Bounded: past {@value #MAX} remembered defects it starts over.
 */
final class InternalErrors {

    private static final int MAX = 1_000;
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private InternalErrors() {
    }

    /** True the first time {@code error}'s type and location are met in run {@code runId}. */
    static boolean first(String runId, Throwable error) {
        StackTraceElement[] frames = error.getStackTrace();
        String key = runId + '|' + error.getClass().getName() + '|' + (frames.length == 0 ? "" : frames[0]);
        if (SEEN.size() >= MAX) SEEN.clear();
        return SEEN.add(key);
    }
}
