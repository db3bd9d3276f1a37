package cloud.consolesensei.testkit;

import cloud.consolesensei.coverage.CoverageGap;
import cloud.consolesensei.coverage.CoverageSink;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A coverage sink that keeps every gap it is given, in order; safe for parallel readers. */
public final class Gaps implements CoverageSink {

    private final List<CoverageGap> recorded = new CopyOnWriteArrayList<>();

    @Override
    public void record(CoverageGap gap) {
        recorded.add(gap);
    }

    /** The gaps so far (a live view). */
    public List<CoverageGap> recorded() {
        return recorded;
    }
}
