package cloud.consolesensei.finding;

/**
 * Lifecycle state of a finding across runs of the same scope.
 * <ul>
 *   <li>NEW: first seen in this run (or seen again after having been RESOLVED: reopened);</li>
 *   <li>OPEN: seen in this run and in the run before;</li>
 *   <li>SUPPRESSED: seen, but muted by a configured suppression with a reason;</li>
 *   <li>RESOLVED: seen in an earlier run, absent in this one (never written to the findings CSV).</li>
 * </ul>
 */
public enum FindingStatus {
    NEW, OPEN, SUPPRESSED, RESOLVED
}
