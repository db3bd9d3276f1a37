package cloud.consolesensei.ec2;

import static cloud.consolesensei.testkit.Fixtures.AS_OF;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsClients;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.check.CheckSettings;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.coverage.CoverageGap;
import cloud.consolesensei.ebs.EbsModule;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.price.PriceTable;
import cloud.consolesensei.testkit.Reads;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Shared fixtures for the EC2 and EBS tests: catalog-default settings, the bundled prices, contexts. */
public final class Ec2TestSupport {

    public static final PriceTable PRICES = PriceTable.bundled();
    public static final List<CheckDefinition> CATALOG = Stream.concat(new Ec2Module().definitions().stream(),
            new EbsModule().definitions().stream()).toList();
    public static final CheckSettings SETTINGS = CheckSettings.defaults(CATALOG);

    private Ec2TestSupport() {
    }

    /** A check context for account 123456789012 in {@code region} on {@link #AS_OF}. */
    public static CheckContext ctx(String region) {
        return new CheckContext("123456789012", "test", region, AS_OF, SETTINGS, PRICES);
    }

    /** As {@link #ctx(String)} with one setting overridden. */
    public static CheckContext ctx(String region, String checkId, String name, Object value) {
        java.util.HashMap<String, Map<String, Object>> v = new java.util.HashMap<>(SETTINGS.values());
        java.util.HashMap<String, Object> m = new java.util.HashMap<>(v.get(checkId));
        m.put(name, value);
        v.put(checkId, m);
        return new CheckContext("123456789012", "test", region, AS_OF, new CheckSettings(java.util.Set.of(), v), PRICES);
    }

    /** A read context over {@code clients}; gaps go to {@code gaps}. */
    public static ReadContext readContext(AwsClients clients, AccountTarget account, String region,
                                          List<CoverageGap> gaps) {
        return Reads.of(account, clients).region(region).settings(SETTINGS).prices(PRICES).run("test", false)
                .gaps(g -> {
                    synchronized (gaps) {
                        gaps.add(g);
                    }
                }).context();
    }

    /** Reads {@code source} and runs every one of its checks on each resource, as the job does. */
    public static <R> List<Finding> readAndCheck(ResourceSource<R> source, ReadContext rc) {
        return Reads.audit(source, rc).findings();
    }
}
