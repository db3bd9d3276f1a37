package cloud.consolesensei.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cloud.consolesensei.lock.AccountLocks;
import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.JobTest;

import io.micrometer.core.instrument.MeterRegistry;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The audit job fires at its cron instants, in the configured zone, and stops with the context; a
 * fire whose accounts a live execution holds is skipped and logged.
 */
@JobTest
class AuditSchedulerTest {

    @Test
    void firesTheAuditAtCronInstants(@TempDir Path dir) throws Exception {
        Cli cli = Cli.h2(dir, Cli.fakeEstate(20, 0)
                + "consolesensei.schedule.audit: \"*/2 * * * * *\"\nconsolesensei.schedule.zone: Asia/Kolkata\n");
        try (var ctx = cli.context()) {
            AuditScheduler scheduler = ctx.getBean(AuditScheduler.class);
            Instant next = scheduler.start(true);
            assertThat(next).isAfter(Instant.now().minusSeconds(1)).isBefore(Instant.now().plusSeconds(3));
            assertThat(next.getEpochSecond() % 2).as("an even second, as */2 says").isZero();
            await().atMost(Duration.ofSeconds(60)).until(() -> completed(cli).size() >= 2);
            ctx.getBean(AuditScheduler.class).stop();
            assertThat(scheduler.isRunning()).isFalse();
            assertThat(scheduler.ran()).isGreaterThanOrEqualTo(2);
            assertThat(scheduler.skipped()).isZero();
        }
        List<Map<String, String>> runs = completed(cli);
        for (Map<String, String> r : runs) {
            Instant at = Instant.parse(r.get("run").substring("audit@".length()));
            assertThat(at.getEpochSecond() % 2).as("run %s fired at a cron instant", r.get("run")).isZero();
            assertThat(r.get("as_of")).isEqualTo(at.atZone(ZoneId.of("UTC")).toLocalDate().toString());
        }
        assertThat(cli.number("SELECT COUNT(*) FROM finding WHERE check_id = 'fake.widget_flagged'")).isEqualTo(4 * 20);
        assertThat(runs).extracting(r -> r.get("run")).doesNotHaveDuplicates();
    }

    @Test
    void aScheduledRunThatWouldConflictIsSkippedAndLogged(@TempDir Path dir) throws Exception {
        Cli cli = Cli.h2(dir, Cli.fakeEstate(20, 0));
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(AuditScheduler.class);
        try (var ctx = cli.context(); var other = cli.context()) {
            logger.addAppender(log);
            // another process (a `run --account` from the CLI) holds the demo's production account
            other.getBean(AccountLocks.class).acquire(4242, List.of("111111111111"));
            AuditScheduler scheduler = ctx.getBean(AuditScheduler.class);
            scheduler.start(true);
            scheduler.fire(Instant.parse("2026-01-15T02:00:00Z"));
            assertThat(scheduler.conflicts()).isEqualTo(1);
            scheduler.stop();
            // counted as refused, not as failed: no failure notice for a run another execution makes unnecessary
            assertThat(ctx.getBean(MeterRegistry.class).get("consolesensei.scheduled.runs").tag("outcome", "refused").counter()
                    .count()).isEqualTo(1);
            assertThat(ctx.getBean(MeterRegistry.class).get("consolesensei.scheduled.runs").tag("outcome", "failed").counter()
                    .count()).isZero();
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("serve: audit at 2026-01-15T02:00:00Z skipped: account 111111111111 is being audited by"
                        + " job execution 4242: runs never overlap on an account; wait for it to end (`runs` shows it alive)"
                        + " or stop it");
        assertThat(cli.number("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isZero();
    }

    @Test
    void lockDurationsFollowTheCronInterval() {
        ZoneId utc = ZoneId.of("UTC");
        Instant at = Instant.parse("2026-01-15T02:00:00Z");
        var daily = AuditScheduler.lockFor("0 0 2 * * *", utc, at);
        assertThat(daily.getLockAtLeastFor()).isEqualTo(Duration.ofMinutes(5));
        assertThat(daily.getLockAtMostFor()).isEqualTo(Duration.ofHours(21).plusMinutes(36));
        var fast = AuditScheduler.lockFor("*/2 * * * * *", utc, at);
        assertThat(fast.getLockAtLeastFor()).isEqualTo(Duration.ofSeconds(1));
        assertThat(fast.getLockAtMostFor()).isEqualTo(Duration.ofMinutes(1));
        assertThat(AuditScheduler.runId(Instant.parse("2026-01-15T02:00:00.004Z"))).isEqualTo("audit@2026-01-15T02:00:00Z");
        assertThat(AuditScheduler.next("0 0 2 * * *", ZoneId.of("Europe/Paris"), at))
                .isEqualTo(Instant.parse("2026-01-16T01:00:00Z"));
    }

    static List<Map<String, String>> completed(Cli cli) {
        return cli.query("SELECT p.PARAMETER_VALUE AS run, r.as_of AS as_of FROM BATCH_JOB_EXECUTION e"
                + " JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = 'run.id'"
                + " JOIN audit_run r ON r.run_id = p.PARAMETER_VALUE WHERE e.STATUS = 'COMPLETED'");
    }
}
