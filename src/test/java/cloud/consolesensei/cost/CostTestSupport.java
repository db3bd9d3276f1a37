package cloud.consolesensei.cost;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsClients;
import cloud.consolesensei.check.CheckSettings;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.coverage.CoverageGap;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.testkit.Reads;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Shared set-up of the cost reader tests: a migrated in-memory H2 database and read contexts. */
final class CostTestSupport {

    final CostExplorerUsage usage = new CostExplorerUsage();
    final List<CoverageGap> gaps = new CopyOnWriteArrayList<>();
    final CostCache cache;
    final CostModule module;
    final CostSource source;
    final CostFacts facts;
    final CheckSettings settings;

    CostTestSupport(CostProperties properties) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:cost-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        // as the product migrates H2: the common scripts and the vendor ones (Spring Batch tables, which V61 reads)
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2").load()
                .migrate();
        cache = new CostCache(JdbcClient.create(ds));
        module = new CostModule(cache, usage, properties);
        source = (CostSource) module.sources().get(0);
        facts = new CostFacts(cache, properties);
        settings = CheckSettings.defaults(module.definitions());
    }

    ReadContext context(AccountTarget account, AwsClients clients, LocalDate asOf, String runId, boolean refresh) {
        return Reads.of(account, clients).asOf(asOf).settings(settings).gaps(gaps::add).run(runId, refresh).context();
    }

    /** Reads the one snapshot and runs the module's checks on it, as the job does. */
    Result readAndCheck(ReadContext ctx) {
        Reads.Audit<CostSnapshot> read = Reads.audit(source, ctx);
        List<CostSnapshot> items = read.items();
        return new Result(items.size() == 1 ? items.get(0) : null, items.size(), read.findings());
    }

    record Result(CostSnapshot snapshot, int items, List<Finding> findings) {
    }
}
