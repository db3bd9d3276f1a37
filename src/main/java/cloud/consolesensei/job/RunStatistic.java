package cloud.consolesensei.job;

/**
 * A figure a capability adds to the run's closing summary (e.g. how many Cost Explorer requests
 * the run made, each billed 0.01 USD).
 */
@FunctionalInterface
public interface RunStatistic {

    /**
     * One line about run {@code runId}, or null to print nothing.
     *
     * @param demo true when the run audited the demo estate (nothing real was called or billed)
     */
    String line(String runId, boolean demo);
}
