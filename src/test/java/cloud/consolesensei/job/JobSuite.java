package cloud.consolesensei.job;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.lock.AccountLocks;
import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.FakeEstateModule;
import cloud.consolesensei.testkit.Fixtures;
import cloud.consolesensei.testkit.JobTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit job end to end through the CLI on one database engine (H2 by default, PostgreSQL in
 * the {@code postgres} profile): a full run, a second run's OPEN statuses, re-running one account
 * leaves the other account alone, and a failed run restarted equals an uninterrupted one.
 * The estate is the demo estate's two accounts with {@link FakeEstateModule}'s resources.
 */
@JobTest
abstract class JobSuite {

    /** Widgets per region (2 chunks per regional partition); keys per account are a tenth. */
    static final int ITEMS = 120;
    static final long ALL = 4L * ITEMS + 2L * (ITEMS / 10);
    static final long ONE_ACCOUNT = 2L * ITEMS + ITEMS / 10;
    static final String PROD = "111111111111";
    static final String STAGING = "222222222222";
    /** The findings CSV's first line: the byte order mark, then the contract's header. */
    static final String HEADER = "\uFEFFaccount_id,account_name,region,service,resource_type,resource_id,check_id,severity,"
            + "title,detail,monthly_cost_usd,status,first_seen,last_seen,suppression_reason";

    @TempDir
    Path dir;

    /** A CLI on a fresh, empty database of the engine under test. */
    abstract Cli cli(Path dir, String extraYaml) throws Exception;

    Cli cli() throws Exception {
        return cli(dir.resolve("a"), Cli.fakeEstate(ITEMS, 0));
    }

    @Test
    void fullAuditRun() throws Exception {
        Cli cli = cli();
        Cli.Result r = cli.audit(Fixtures.AS_OF);
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(0);
        Path csv = cli.report("findings", "all", Fixtures.AS_OF, "csv");
        assertThat(r.out()).contains("report: " + csv).contains("report: " + cli.report("consolesensei", "all", Fixtures.AS_OF, "xlsx"));
        assertThat(Files.readAllLines(csv).get(0)).isEqualTo(HEADER);
        List<CSVRecord> fake = fake(csv);
        assertThat(fake).hasSize((int) ALL).allSatisfy(rec -> {
            assertThat(rec.get("status")).isEqualTo("NEW");
            assertThat(rec.get("first_seen")).isEqualTo(Fixtures.AS_OF.toString());
        });
        assertThat(fake).extracting(rec -> rec.get("account_id")).containsOnly(PROD, STAGING);
        assertThat(fake).filteredOn(rec -> rec.get("resource_id").equals("widget-0007") && rec.get("region").equals("eu-west-1"))
                .singleElement().satisfies(rec -> {
                    assertThat(rec.get("account_id")).isEqualTo(PROD);
                    assertThat(rec.get("monthly_cost_usd")).isEqualTo("0.07");
                    assertThat(rec.get("check_id")).isEqualTo(FakeEstateModule.WIDGET_CHECK);
                });
        assertThat(Cli.cells(cli.report("consolesensei", "all", Fixtures.AS_OF, "xlsx"))).containsKey("Fake Widgets");
        assertThat(cli.number("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'")).isEqualTo(1);
    }

    @Test
    void secondRunSeesTheSameFindingsAsOpen() throws Exception {
        Cli cli = cli();
        cli.audit(Fixtures.AS_OF);
        LocalDate next = Fixtures.AS_OF.plusDays(1);
        Cli.Result second = cli.audit(next);
        assertThat(second.code()).isEqualTo(0);
        List<CSVRecord> fake = fake(cli.report("findings", "all", next, "csv"));
        assertThat(fake).hasSize((int) ALL).allSatisfy(rec -> {
            assertThat(rec.get("status")).isEqualTo("OPEN");
            assertThat(rec.get("first_seen")).isEqualTo(Fixtures.AS_OF.toString());
            assertThat(rec.get("last_seen")).isEqualTo(next.toString());
        });
    }

    @Test
    void rerunOfOneAccountLeavesTheOtherAccountUntouched() throws Exception {
        Cli cli = cli();
        cli.audit(Fixtures.AS_OF);
        String staging = "SELECT * FROM finding WHERE account_id = '" + STAGING + "' ORDER BY fingerprint";
        List<Map<String, String>> before = cli.query(staging);
        assertThat(before).filteredOn(f -> f.get("check_id").startsWith("fake.")).hasSize((int) ONE_ACCOUNT);

        Cli.Result first = cli.audit(Fixtures.AS_OF, "--account", PROD);
        Cli.Result again = cli.audit(Fixtures.AS_OF, "--account", PROD);
        Cli.Result tomorrow = cli.audit(Fixtures.AS_OF.plusDays(1), "--account", PROD);
        for (Cli.Result r : List.of(first, again, tomorrow)) {
            assertThat(r.code()).as(r.out()).isEqualTo(0);
            assertThat(r.out()).contains("COMPLETED");
        }
        assertThat(List.of(first.executionId(), again.executionId(), tomorrow.executionId())).doesNotHaveDuplicates();
        assertThat(List.of(first.runId(), again.runId(), tomorrow.runId())).doesNotHaveDuplicates();

        assertThat(cli.query(staging)).as("the other account's findings and history").isEqualTo(before);
        for (Cli.Result r : List.of(first, again, tomorrow)) {
            assertThat(cli.number("SELECT COUNT(*) FROM run_finding WHERE run_id = ? AND account_id <> ?", r.runId(), PROD)).isZero();
            assertThat(cli.number("SELECT COUNT(*) FROM inventory_row WHERE run_id = ? AND account_id <> ?", r.runId(), PROD)).isZero();
        }
        Path xlsx = cli.report("consolesensei", PROD, Fixtures.AS_OF, "xlsx");
        assertThat(again.out()).contains("report: " + xlsx);
        assertThat(Cli.cells(xlsx).get("Fake Widgets")).hasSize(2 * ITEMS + 1);
        List<CSVRecord> rows = Cli.csv(cli.report("findings", PROD, Fixtures.AS_OF, "csv"));
        assertThat(rows).extracting(rec -> rec.get("account_id")).containsOnly(PROD);
        assertThat(fake(cli.report("findings", PROD, Fixtures.AS_OF, "csv"))).hasSize((int) ONE_ACCOUNT)
                .allSatisfy(rec -> assertThat(rec.get("status")).isEqualTo("OPEN"));
        assertThat(cli.number("SELECT COUNT(*) FROM finding WHERE account_id = ? AND last_seen = ? AND check_id LIKE 'fake.%'",
                PROD, java.sql.Date.valueOf(Fixtures.AS_OF.plusDays(1)))).isEqualTo(ONE_ACCOUNT);
        assertThat(cli.number("SELECT COUNT(*) FROM finding WHERE status = 'RESOLVED' AND check_id LIKE 'fake.%'")).isZero();
    }

    @Test
    void failedRunRestartedEqualsAnUninterruptedRun() throws Exception {
        Path flag = Files.createFile(dir.resolve("fail"));
        Cli cli = cli(dir.resolve("a"), Cli.fakeEstate(ITEMS, 0) + "fake-estate.fail-at: 110\nfake-estate.fail-file: \""
                + flag.toAbsolutePath() + "\"\n");
        Cli.Result failed = cli.audit(Fixtures.AS_OF);
        long id = failed.executionId();
        assertThat(failed.code()).as(failed.out()).isEqualTo(1);
        assertThat(failed.out()).contains("FAILED").contains("restart " + id);
        assertThat(cli.number("SELECT COUNT(*) FROM finding WHERE check_id LIKE 'fake.%'")).as("first chunks kept")
                .isGreaterThan(0).isLessThan(ALL);

        Files.delete(flag);
        Cli.Result restarted = cli.cli("restart", Long.toString(id));
        assertThat(restarted.code()).as(restarted.out()).isEqualTo(0);
        assertThat(restarted.runId()).isEqualTo(failed.runId());
        assertThat(cli.number("SELECT COUNT(*) FROM finding WHERE check_id LIKE 'fake.%'")).isEqualTo(ALL);
        assertThat(cli.number("SELECT COUNT(*) FROM run_finding WHERE run_id = ?", failed.runId()))
                .isEqualTo(cli.number("SELECT COUNT(*) FROM finding"));
        Cli.Result again = cli.cli("restart", Long.toString(restarted.executionId()));
        assertThat(again.code()).as("a completed execution cannot be restarted").isEqualTo(2);

        Cli clean = cli(dir.resolve("b"), Cli.fakeEstate(ITEMS, 0));
        assertThat(clean.audit(Fixtures.AS_OF).code()).isEqualTo(restarted.code());
        assertThat(Files.readString(cli.report("findings", "all", Fixtures.AS_OF, "csv")))
                .isEqualTo(Files.readString(clean.report("findings", "all", Fixtures.AS_OF, "csv")));
        Cli.assertSameWorkbook(cli.report("consolesensei", "all", Fixtures.AS_OF, "xlsx"),
                clean.report("consolesensei", "all", Fixtures.AS_OF, "xlsx"));
    }

    /** A CLI whose fake estate fails at widget 110 while the returned flag file exists. */
    Cli failing(Path flag) throws Exception {
        return cli(dir.resolve("a"), Cli.fakeEstate(ITEMS, 0) + "fake-estate.fail-at: 110\nfake-estate.fail-file: \""
                + flag.toAbsolutePath() + "\"\n");
    }

    @Test
    void aRunIsRefusedWhileALiveExecutionHoldsOneOfItsAccounts() throws Exception {
        Cli cli = cli();
        try (var other = cli.context()) {
            // another process is running execution 4242 on the production account
            other.getBean(AccountLocks.class).acquire(4242, List.of(PROD));
            Cli.Result all = cli.audit(Fixtures.AS_OF, "--region", "eu-west-1");
            assertThat(all.code()).as(all.out()).isEqualTo(2);
            assertThat(all.err()).contains("error: account " + PROD + " is being audited by job execution 4242");
            Cli.Result one = cli.audit(Fixtures.AS_OF, "--account", PROD, "--region", "us-east-1");
            assertThat(one.code()).as("whatever the regions").isEqualTo(2);
            assertThat(cli.number("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("nothing run").isZero();
            assertThat(cli.reportsDir()).as("nothing written").doesNotExist();

            Cli.Result staging = cli.audit(Fixtures.AS_OF, "--account", STAGING);
            assertThat(staging.out()).contains("COMPLETED");
            assertThat(cli.number("SELECT COUNT(*) FROM account_lock WHERE account_id = ?", STAGING))
                    .as("released when the run ended").isZero();
            other.getBean(AccountLocks.class).release(4242);
        }
        assertThat(cli.audit(Fixtures.AS_OF).out()).contains("COMPLETED");
    }

    @Test
    void restartRefusesAnExecutionWhoseProcessIsAlive() throws Exception {
        Path flag = Files.createFile(dir.resolve("fail"));
        Cli cli = failing(flag);
        Cli.Result failed = cli.audit(Fixtures.AS_OF);
        long id = failed.executionId();
        assertThat(failed.code()).as(failed.out()).isEqualTo(1);
        Files.delete(flag);
        try (var other = cli.context()) {
            // the execution's process is still alive (e.g. left STARTED and still beating)
            other.getBean(AccountLocks.class).acquire(id, List.of(PROD));
            Cli.Result refused = cli.cli("restart", Long.toString(id));
            assertThat(refused.code()).isEqualTo(2);
            assertThat(refused.err()).contains("restart " + id + ": the execution is still running");
            Cli.Result runs = cli.cli("runs");
            assertThat(runs.out().lines().filter(l -> l.startsWith(id + " ")).findFirst().orElseThrow())
                    .contains("FAILED").contains(" yes ");
            other.getBean(AccountLocks.class).release(id);
        }
        assertThat(cli.cli("runs").out().lines().filter(l -> l.startsWith(id + " ")).findFirst().orElseThrow())
                .contains(" no ");
        Cli.Result restarted = cli.cli("restart", Long.toString(id));
        assertThat(restarted.out()).contains("COMPLETED");
        assertThat(restarted.runId()).isEqualTo(failed.runId());
    }

    @Test
    void restartNeverReplaysAnOlderAsOfOverNewerHistory() throws Exception {
        Path flag = Files.createFile(dir.resolve("fail"));
        Cli cli = failing(flag);
        Cli.Result failed = cli.audit(Fixtures.AS_OF);
        assertThat(failed.code()).as(failed.out()).isEqualTo(1);
        Files.delete(flag);
        LocalDate later = Fixtures.AS_OF.plusDays(2);
        assertThat(cli.audit(later, "--account", STAGING).out()).contains("COMPLETED");

        Cli.Result refused = cli.cli("restart", Long.toString(failed.executionId()));
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("its as-of " + Fixtures.AS_OF + " is before " + later);
        assertThat(cli.number("SELECT COUNT(*) FROM finding WHERE account_id = ? AND last_seen > ?", STAGING,
                java.sql.Date.valueOf(later))).isZero();
        Cli.Result backwards = cli.audit(Fixtures.AS_OF.plusDays(1), "--account", STAGING);
        assertThat(backwards.code()).isEqualTo(2);
        assertThat(backwards.err()).contains("before " + later);
    }

    @Test
    void aNarrowerRunKeepsTheWiderRunsReportsAndComparesWithItsOwnScope() throws Exception {
        Cli cli = cli();
        assertThat(cli.audit(Fixtures.AS_OF).out()).contains("COMPLETED");
        Path allBook = cli.report("consolesensei", "all", Fixtures.AS_OF, "xlsx");
        Path allEml = cli.report("summary", "all", Fixtures.AS_OF, "eml");
        byte[] book = Files.readAllBytes(allBook);
        byte[] eml = Files.readAllBytes(allEml);
        assertThat(cli.report("consolesensei", PROD, Fixtures.AS_OF, "xlsx")).as("an all run writes each account's own").exists();

        String scope = PROD + "@eu-west-1";
        Cli.Result narrow = cli.audit(Fixtures.AS_OF, "--account", PROD, "--region", "eu-west-1");
        assertThat(narrow.out()).contains("COMPLETED").contains("report: " + cli.report("consolesensei", scope, Fixtures.AS_OF, "xlsx"))
                .contains("report: " + cli.report("findings", scope, Fixtures.AS_OF, "csv"));
        assertThat(Files.readAllBytes(allBook)).as("the wider run's workbook").isEqualTo(book);
        assertThat(Files.readAllBytes(allEml)).as("the wider run's email").isEqualTo(eml);
        assertThat(Cli.cells(cli.report("consolesensei", scope, Fixtures.AS_OF, "xlsx")).get("Summary"))
                .anySatisfy(row -> assertThat(row).containsSubsequence("Limited to",
                        "account " + PROD + "; regions eu-west-1 (global services - IAM, S3, Cost Explorer, Budgets, invoices"
                                + " - audited in full)"));
        String mail = Files.readString(cli.report("summary", scope, Fixtures.AS_OF, "eml"));
        assertThat(mail).contains("limited to account " + PROD + "; regions eu-west-1");
        assertThat(cli.query("SELECT scope FROM audit_run WHERE run_id = ?", narrow.runId()))
                .extracting(r -> r.get("scope")).containsExactly(scope);
        assertThat(cli.query("SELECT COUNT(*) AS n FROM audit_run WHERE scope = ?", scope)).extracting(r -> r.get("n"))
                .containsExactly("1");
    }

    static List<CSVRecord> fake(Path csv) throws Exception {
        return Cli.csv(csv).stream().filter(rec -> rec.get("check_id").startsWith("fake.")).toList();
    }
}
