package cloud.consolesensei.coverage;

/** Where readers report what they could not read. Implementations must be thread-safe. */
@FunctionalInterface
public interface CoverageSink {

    /** Records a gap; recording the same (account, region, service, operation, class) twice merges them. */
    void record(CoverageGap gap);
}
