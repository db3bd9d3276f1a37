package cloud.consolesensei.job;

import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.coverage.CoverageGap;
import cloud.consolesensei.coverage.CoverageSink;

/**
 * The coverage sink of one regional partition that also remembers whether the region answered
 * "not enabled" (an opt-in region the account has not enabled: {@code AuthFailure},
 * {@code OptInRequired}). Once it has, every later call of the partition would get the same answer,
 * so the reader skips the partition's remaining sources instead of calling them.
 */
final class RegionGate implements CoverageSink {

    private final CoverageSink delegate;
    private volatile boolean closed;

    RegionGate(CoverageSink delegate) {
        this.delegate = delegate;
    }

    @Override
    public void record(CoverageGap gap) {
        if (gap.errorClass() == ErrorClass.REGION_NOT_ENABLED) closed = true;
        delegate.record(gap);
    }

    /** True once a gap of this partition said the region is not enabled. */
    boolean regionNotEnabled() {
        return closed;
    }
}
