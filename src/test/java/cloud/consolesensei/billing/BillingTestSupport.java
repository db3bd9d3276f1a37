package cloud.consolesensei.billing;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsClients;
import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.check.CheckSettings;
import cloud.consolesensei.collect.InventoryStore;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.cost.CostCache;
import cloud.consolesensei.cost.CostExplorerUsage;
import cloud.consolesensei.cost.CostProperties;
import cloud.consolesensei.cost.PretaxMonths;
import cloud.consolesensei.coverage.CoverageGap;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.testkit.Reads;
import cloud.consolesensei.report.ReportScope;
import cloud.consolesensei.report.ReportWorkbook;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Shared set-up of the billing tests: a migrated in-memory H2 database (inventory store, cost cache),
 * the two billing sources, and a read that does what the audit job does with each item (checks,
 * inventory row), then the Billing sheet written to a real file.
 */
final class BillingTestSupport {

    final List<CoverageGap> gaps = new CopyOnWriteArrayList<>();
    final CostExplorerUsage usage = new CostExplorerUsage();
    final InventoryStore store;
    final PretaxMonths pretax;
    final BudgetSource budgets = new BudgetSource();
    final InvoiceSource invoices;
    final CheckSettings settings;

    /** @param payer the payer's target for an audited account id, or {@code null} for the own credentials */
    BillingTestSupport(Function<String, AccountTarget> payer) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:billing-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        store = new InventoryStore(new JdbcTemplate(ds));
        pretax = new PretaxMonths(new CostCache(JdbcClient.create(ds)), usage, CostProperties.defaults());
        invoices = new InvoiceSource(payer, pretax);
        List<CheckDefinition> defs = budgets.checks().stream().map(Check::definition).toList();
        settings = CheckSettings.defaults(defs);
    }

    ReadContext context(AccountTarget account, AwsClients clients, LocalDate asOf) {
        return Reads.of(account, clients).asOf(asOf).settings(settings).gaps(gaps::add).run("run-1", false).context();
    }

    /** Reads every item of {@code source}, judges it and stores its row, as the job does; returns the findings. */
    <R> List<Finding> audit(ResourceSource<R> source, ReadContext ctx, List<R> items) {
        Reads.Audit<R> read = Reads.audit(source, ctx);
        items.addAll(read.items());
        store.upsert("run-1", read.rows());
        return read.findings();
    }

    /** Writes a workbook holding only the Billing sheet for {@code accounts}. */
    Path workbook(Path dir, List<AccountTarget> accounts, LocalDate asOf, boolean demo) throws Exception {
        Path file = dir.resolve("billing.xlsx");
        try (ReportWorkbook wb = new ReportWorkbook(new SXSSFWorkbook(100))) {
            new BillingSheet(store, pretax).contribute(wb, new ReportScope("run-1", "all", accounts, asOf, demo));
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.poi().write(out);
            }
        }
        return file;
    }
}
