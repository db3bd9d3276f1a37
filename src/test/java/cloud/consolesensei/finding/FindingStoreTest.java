package cloud.consolesensei.finding;

import cloud.consolesensei.check.CheckCatalog;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.check.MoneyKind;
import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.collect.ServiceModule;
import cloud.consolesensei.ebs.SnapshotOldCheck;
import cloud.consolesensei.ebs.SnapshotOrphanedCheck;
import cloud.consolesensei.ebs.VolumeGp2Check;
import cloud.consolesensei.ebs.VolumeUnattachedCheck;
import cloud.consolesensei.run.AuditRuns;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The findings store on a real (in-memory H2) database migrated by the product's own Flyway scripts:
 * the order and statuses a run's report reads, whether the run is the latest one (its rows read
 * straight from {@code finding}) or another run has written the same findings since (read through
 * the run's history), restarted chunks, and the per-account counts behind the Summary sheet.
 */
class FindingStoreTest {

    private static final String A = "111111111111";
    private static final String B = "222222222222";
    private static final LocalDate DAY1 = LocalDate.parse("2026-11-01");
    private static final LocalDate DAY2 = LocalDate.parse("2026-11-02");

    private JdbcTemplate jdbc;
    private FindingStore store;
    private RunHistory history;
    private RunTotals totals;

    @BeforeEach
    void database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:findings-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        jdbc = new JdbcTemplate(ds);
        AuditRuns runs = new AuditRuns(jdbc);
        store = new FindingStore(jdbc, runs);
        FindingTally tally = new FindingTally(jdbc, catalog());
        totals = new RunTotals(jdbc, tally);
        history = new RunHistory(totals, tally, runs);
    }

    /** The catalog's money kinds as the checks declare them, plus a cost alert and a check without money. */
    private static CheckCatalog catalog() {
        List<CheckDefinition> defs = List.of(VolumeUnattachedCheck.DEFINITION, VolumeGp2Check.DEFINITION,
                SnapshotOldCheck.DEFINITION, SnapshotOrphanedCheck.DEFINITION,
                new CheckDefinition("cost.daily_anomaly", "Daily cost anomaly", Severity.MEDIUM, "ce", "day", "rule", "cost", "r", "f",
                        List.of(), List.of(), List.of(), MoneyKind.COST_ALERT),
                new CheckDefinition("iam.root_mfa_disabled", "Root MFA", Severity.CRITICAL, "iam", "root", "rule", "r", "f",
                        List.of(), List.of(), List.of()));
        return new CheckCatalog(List.of(new ServiceModule() {
            @Override
            public int order() {
                return 0;
            }

            @Override
            public List<ResourceSource<?>> sources() {
                return List.of();
            }

            @Override
            public List<CheckDefinition> definitions() {
                return defs;
            }
        }));
    }

    private void startRun(String run, LocalDate asOf, Instant started) {
        jdbc.update("INSERT INTO audit_run (run_id, scope, as_of, demo, started_at, status) VALUES (?,?,?,?,?,'STARTED')",
                run, "all", java.sql.Date.valueOf(asOf), false, Timestamp.from(started));
        jdbc.batchUpdate("INSERT INTO run_account (run_id, account_id) VALUES (?, ?)", List.of(new Object[] {run, A},
                new Object[] {run, B}));
    }

    private void finish(String run, Instant at) {
        jdbc.update("UPDATE audit_run SET finished_at = ?, status = 'COMPLETED' WHERE run_id = ?", Timestamp.from(at), run);
    }

    private static Finding f(String account, String region, String check, Severity sev, String resource, String usd) {
        return new Finding(account, region, "ec2", "volume", resource, check, sev, "Title of " + check,
                "detail of " + resource, usd == null ? null : new BigDecimal(usd));
    }

    private List<String> seen(String run) {
        List<String> out = new ArrayList<>();
        store.forEachSeen(run, List.of(B, A), sf -> out.add(sf.finding().accountId() + " " + sf.finding().resourceId()
                + " " + sf.status()));
        return out;
    }

    @Test
    void aRunReadsItsFindingsByAccountThenSeverityThenMoneyWithTheRunsStatus() {
        Instant t0 = Instant.parse("2026-11-01T02:00:00Z");
        startRun("r1", DAY1, t0);
        store.upsert("r1", DAY1, "prod", List.of(
                f(A, "us-east-1", "ebs.volume_gp2", Severity.LOW, "vol-cheap", "1.00"),
                f(A, "us-east-1", "ebs.volume_unattached", Severity.MEDIUM, "vol-dear", "80.00"),
                f(A, "eu-west-1", "ebs.volume_unattached", Severity.MEDIUM, "vol-dearer", "90.00"),
                f(A, "us-east-1", "ec2.instance_imds_v1", Severity.MEDIUM, "i-nocost", null)), x -> null);
        store.upsert("r1", DAY1, "dev", List.of(
                f(B, "us-east-1", "iam.root_mfa_disabled", Severity.CRITICAL, "root", null),
                f(B, "us-east-1", "ebs.volume_gp2", Severity.LOW, "vol-b", "2.00")),
                x -> x.resourceId().equals("vol-b") ? "accepted" : null);
        finish("r1", t0.plusSeconds(60));

        assertThat(seen("r1")).containsExactly(
                A + " vol-dearer NEW", A + " vol-dear NEW", A + " i-nocost NEW", A + " vol-cheap NEW",
                B + " root NEW", B + " vol-b SUPPRESSED");
        List<String> suppressed = new ArrayList<>();
        store.forEachWithRunStatus("r1", List.of(A, B), FindingStatus.SUPPRESSED,
                sf -> suppressed.add(sf.finding().resourceId() + " " + sf.suppressionReason()));
        assertThat(suppressed).containsExactly("vol-b accepted");
    }

    @Test
    void aLaterRunOverTheSameFindingsLeavesTheEarlierRunsViewIntact() {
        Instant t0 = Instant.parse("2026-11-01T02:00:00Z");
        startRun("r1", DAY1, t0);
        store.upsert("r1", DAY1, "prod", List.of(
                f(A, "us-east-1", "ebs.volume_unattached", Severity.MEDIUM, "vol-1", "10.00"),
                f(A, "us-east-1", "ebs.volume_unattached", Severity.MEDIUM, "vol-2", "20.00")), x -> null);
        store.upsert("r1", DAY1, "dev", List.of(f(B, "us-east-1", "ebs.volume_gp2", Severity.LOW, "vol-b", "2.00")), x -> null);
        store.resolveUnseen("r1", DAY1, List.of(A, B));
        finish("r1", t0.plusSeconds(60));
        List<String> before = seen("r1");

        // r2 audits account A only: vol-2 is seen again (OPEN), vol-1 is gone (RESOLVED)
        Instant t1 = Instant.parse("2026-11-02T02:00:00Z");
        startRun("r2", DAY2, t1);
        store.upsert("r2", DAY2, "prod", List.of(f(A, "us-east-1", "ebs.volume_unattached", Severity.MEDIUM, "vol-2", "20.00")),
                x -> null);
        assertThat(store.resolveUnseen("r2", DAY2, List.of(A))).isEqualTo(1);
        finish("r2", t1.plusSeconds(60));

        assertThat(seen("r1")).isEqualTo(before).containsExactly(
                A + " vol-2 NEW", A + " vol-1 NEW", B + " vol-b NEW");
        // r2 did not audit B: none of B's findings are r2's
        assertThat(seen("r2")).containsExactly(A + " vol-2 OPEN");
        List<String> resolved = new ArrayList<>();
        store.forEachWithRunStatus("r2", List.of(A, B), FindingStatus.RESOLVED,
                sf -> resolved.add(sf.finding().resourceId() + " " + sf.status() + " " + sf.resolvedOn()));
        assertThat(resolved).containsExactly("vol-1 RESOLVED " + DAY2);
        List<String> fresh = new ArrayList<>();
        store.forEachWithRunStatus("r1", List.of(A, B), FindingStatus.NEW, sf -> fresh.add(sf.finding().resourceId()));
        assertThat(fresh).containsExactly("vol-2", "vol-1", "vol-b");
    }

    @Test
    void aRestartedChunkWritesNothingTwiceAndKeepsTheFirstDecision() {
        Instant t0 = Instant.parse("2026-11-01T02:00:00Z");
        startRun("r1", DAY1, t0);
        List<Finding> chunk = List.of(f(A, "us-east-1", "ebs.volume_unattached", Severity.MEDIUM, "vol-1", "10.00"));
        store.upsert("r1", DAY1, "prod", chunk, x -> null);
        store.upsert("r1", DAY1, "prod", chunk, x -> null);
        finish("r1", t0.plusSeconds(60));
        startRun("r2", DAY2, t0.plusSeconds(86_400));
        store.upsert("r2", DAY2, "prod", chunk, x -> null);
        store.upsert("r2", DAY2, "prod", chunk, x -> null);

        assertThat(jdbc.queryForList("SELECT run_id || ' ' || status || ' ' || check_id || ' ' || region || ' ' || resource_id"
                + " FROM run_finding ORDER BY run_id", String.class)).containsExactly(
                "r1 NEW ebs.volume_unattached us-east-1 vol-1", "r2 OPEN ebs.volume_unattached us-east-1 vol-1");
        assertThat(seen("r2")).containsExactly(A + " vol-1 OPEN");
    }

    @Test
    void countsPerAccountComeFromOneGroupedReadAndCountEachResourceOnce() {
        Instant t0 = Instant.parse("2026-11-01T02:00:00Z");
        startRun("r1", DAY1, t0);
        store.upsert("r1", DAY1, "prod", List.of(
                // one volume failing two checks is one sum of money: the larger
                f(A, "us-east-1", "ebs.volume_unattached", Severity.MEDIUM, "vol-1", "10.00"),
                f(A, "us-east-1", "ebs.volume_gp2", Severity.LOW, "vol-1", "2.00"),
                f(A, "eu-west-1", "ebs.volume_gp2", Severity.LOW, "vol-1", "3.00"),
                f(A, "us-east-1", "iam.root_mfa_disabled", Severity.CRITICAL, "root", null)), x -> null);
        store.upsert("r1", DAY1, "dev", List.of(f(B, "us-east-1", "ebs.volume_gp2", Severity.LOW, "vol-b", "2.50")),
                x -> "muted");

        var byAccount = history.countsByAccount("r1", List.of(A, B, "333333333333"));
        assertThat(byAccount.get(A).savings()).isEqualByComparingTo("13.00");
        assertThat(byAccount.get(A).of(Severity.CRITICAL)).isEqualTo(1);
        assertThat(byAccount.get(A).of(Severity.LOW)).isEqualTo(2);
        assertThat(byAccount.get(A).newCount()).isEqualTo(4);
        assertThat(byAccount.get(B).total()).isZero();
        assertThat(byAccount.get(B).suppressed()).isEqualTo(1);
        assertThat(byAccount.get(B).savings()).isEqualByComparingTo("0.00");
        assertThat(byAccount.get("333333333333").total()).isZero();
        RunCounts all = history.counts("r1", List.of(A, B));
        assertThat(all.savings()).isEqualByComparingTo("13.00");
        assertThat(all.total()).isEqualTo(4);
        assertThat(all.suppressed()).isEqualTo(1);

        // stored once the run is settled: the same figures, read back instead of grouped again
        totals.store("r1", List.of(A, B));
        jdbc.update("DELETE FROM run_finding");
        var stored = history.countsByAccount("r1", List.of(A, B, "333333333333"));
        assertThat(stored.get(A)).isEqualTo(byAccount.get(A));
        assertThat(stored.get(B)).isEqualTo(byAccount.get(B));
        assertThat(stored.get("333333333333").total()).isZero();
        assertThat(history.counts("r1", List.of(A, B))).isEqualTo(all);
        assertThat(history.trend("all", "r1", 30)).singleElement()
                .satisfies(p -> assertThat(p.counts()).isEqualTo(all));
    }

    @Test
    void savingsAndCostAlertsAreTwoSumsNeverAdded() {
        Instant t0 = Instant.parse("2026-11-01T02:00:00Z");
        startRun("r1", DAY1, t0);
        store.upsert("r1", DAY1, "prod", List.of(
                // an old snapshot that is also orphaned: one saving, the larger figure
                f(A, "us-east-1", "ebs.snapshot_old", Severity.LOW, "snap-1", "4.00"),
                f(A, "us-east-1", "ebs.snapshot_orphaned", Severity.LOW, "snap-1", "4.50"),
                f(A, "us-east-1", "ebs.volume_unattached", Severity.MEDIUM, "vol-1", "10.00"),
                // cost alerts: one day's excess x 30 each, summed apart from the savings
                f(A, "global", "cost.daily_anomaly", Severity.MEDIUM, "2026-10-30", "900.00"),
                f(A, "global", "cost.daily_anomaly", Severity.MEDIUM, "2026-10-31", "600.00"),
                // a cost on a resource whose check the catalog does not know is in neither sum
                f(A, "us-east-1", "test.unknown_check", Severity.LOW, "vol-1", "99.00")), x -> null);
        store.upsert("r1", DAY1, "dev", List.of(
                f(B, "global", "cost.daily_anomaly", Severity.MEDIUM, "2026-10-31", "30.00")), x -> "known");
        finish("r1", t0.plusSeconds(60));

        RunCounts a = history.counts("r1", List.of(A));
        assertThat(a.savings()).isEqualByComparingTo("14.50");
        assertThat(a.costAlerts()).isEqualByComparingTo("1500.00");
        // a suppressed alert is in no sum
        assertThat(history.counts("r1", List.of(A, B)).costAlerts()).isEqualByComparingTo("1500.00");

        totals.store("r1", List.of(A, B));
        jdbc.update("DELETE FROM run_finding");
        assertThat(history.counts("r1", List.of(A))).isEqualTo(a);
        assertThat(history.trend("all", "r1", 30)).singleElement().satisfies(p -> {
            assertThat(p.counts().savings()).isEqualByComparingTo("14.50");
            assertThat(p.counts().costAlerts()).isEqualByComparingTo("1500.00");
        });
    }
}
