package cloud.consolesensei.s3;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsClients;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckSettings;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.coverage.CoverageGap;
import cloud.consolesensei.coverage.CoverageSink;
import cloud.consolesensei.price.PriceTable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test support for the S3 and Auto Scaling tests: contexts with a recording coverage sink. */
public final class TestReads {

    public static final LocalDate AS_OF = LocalDate.of(2026, 11, 29);

    private TestReads() {
    }

    /** A sink that keeps every gap, in order. */
    public static final class RecordingGaps implements CoverageSink {
        public final List<CoverageGap> gaps = new CopyOnWriteArrayList<>();

        @Override
        public void record(CoverageGap gap) {
            gaps.add(gap);
        }
    }

    public static ReadContext context(AccountTarget account, String region, AwsClients clients, CoverageSink gaps) {
        return new ReadContext(account, region, clients, AS_OF, settings(), prices(), gaps,
                new ReadContext.RunOptions("test-run", false));
    }

    public static CheckContext checkContext(String accountId, String region) {
        return new CheckContext(accountId, accountId, region, AS_OF, settings(), prices());
    }

    public static AccountTarget account(String id, List<String> regions, List<String> allowedRegions) {
        return new AccountTarget(id, "acct-" + id, null, null, regions, allowedRegions, null, List.of());
    }

    private static CheckSettings settings() {
        return new CheckSettings(Set.of(), Map.of());
    }

    private static PriceTable prices() {
        return new PriceTable(Map.of(), "test", AS_OF);
    }
}
