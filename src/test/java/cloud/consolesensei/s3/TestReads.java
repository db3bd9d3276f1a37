package cloud.consolesensei.s3;

import static cloud.consolesensei.testkit.Fixtures.AS_OF;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsClients;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckSettings;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.coverage.CoverageSink;
import cloud.consolesensei.price.PriceTable;
import cloud.consolesensei.testkit.Reads;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test support for the S3 and Auto Scaling tests: contexts with a recording coverage sink. */
public final class TestReads {

    private TestReads() {
    }

    public static ReadContext context(AccountTarget account, String region, AwsClients clients, CoverageSink gaps) {
        return Reads.of(account, clients).region(region).gaps(gaps).context();
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
