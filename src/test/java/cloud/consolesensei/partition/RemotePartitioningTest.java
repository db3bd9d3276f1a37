package cloud.consolesensei.partition;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.ChildJvm;
import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.Fixtures;
import cloud.consolesensei.testkit.JobTest;
import cloud.consolesensei.testkit.PostgresSchemas;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * Remote partitioning end to end, with this machine's RabbitMQ (127.0.0.1:5672) and PostgreSQL: a
 * manager ({@code run}) and worker JVMs ({@code worker}) on the demo estate plus the fake estate,
 * compared with a local run of the same estate.
 */
@Tag("remote")
@JobTest
class RemotePartitioningTest {

    /** Widgets per region: 3 chunks of 100 per regional partition. */
    private static final int ITEMS = 300;
    /** 4 account-regions and 2 global partitions (the demo estate's). */
    private static final int PARTITIONS = 6;
    private static final long FAKE_FINDINGS = 4L * ITEMS + 2L * (ITEMS / 10);
    private static final Duration START = Duration.ofSeconds(150);
    private static final Duration RUN = Duration.ofMinutes(5);

    private final PostgresSchemas schemas = new PostgresSchemas();
    private final List<ChildJvm> children = new ArrayList<>();
    private CachingConnectionFactory rabbit;
    private RabbitTemplate template;
    private RabbitAdmin admin;

    @BeforeEach
    void broker() {
        rabbit = new CachingConnectionFactory("127.0.0.1", 5672);
        admin = new RabbitAdmin(rabbit);
        Declarables d = PartitionMessages.declarables();
        d.getDeclarablesByType(Queue.class).forEach(q -> {
            admin.declareQueue(q);
            admin.purgeQueue(q.getName(), false);
        });
        template = new RabbitTemplate(rabbit);
        template.setMessageConverter(PartitionMessages.converter());
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        for (ChildJvm c : children) c.close();
        schemas.dropAll();
        rabbit.destroy();
    }

    @Test
    void twoWorkersRunThePartitionsAndTheRunEqualsALocalRun(@TempDir Path dir) throws Exception {
        Cli remote = schemas.cli(dir.resolve("remote"), remoteYaml(5, "3m"));
        ChildJvm w1 = worker(dir.resolve("w1.log"), remote);
        ChildJvm w2 = worker(dir.resolve("w2.log"), remote);
        awaitReady(w1);
        awaitReady(w2);

        ChildJvm manager = start(dir.resolve("manager.log"), "run", "--demo", "--no-email", "--as-of", Fixtures.AS_OF.toString(),
                "--config", remote.config().toString());
        int code = manager.awaitExit(RUN);

        Cli local = schemas.cli(dir.resolve("local"), Cli.fakeEstate(ITEMS, 0));
        Cli.Result localRun = local.audit(Fixtures.AS_OF);
        assertThat(code).as(manager.log()).isEqualTo(localRun.code());
        assertThat(partitionLines(manager.log())).as("the manager runs no partition").isEmpty();
        List<String> ran1 = partitionLines(w1.log());
        List<String> ran2 = partitionLines(w2.log());
        assertThat(ran1).as("worker 1 ran partitions").isNotEmpty();
        assertThat(ran2).as("worker 2 ran partitions").isNotEmpty();
        List<String> all = new ArrayList<>(ran1);
        all.addAll(ran2);
        assertThat(all).hasSize(PARTITIONS).allMatch(l -> l.contains("status=COMPLETED"));
        assertThat(manager.log()).contains("workers: 2 process(es) ran " + PARTITIONS + " partition(s)");
        // the workers' usage counts reach the manager's summary: the metrics the local run requested, and as many
        // price lookups (each worker keeps its own demo Price List, so calls and cached answers split differently)
        assertThat(summaryLine(manager.log(), "CloudWatch GetMetricData:")).isEqualTo(summaryLine(localRun.out(),
                "CloudWatch GetMetricData:")).doesNotContain(" 0 call(s)");
        assertThat(priceLookups(manager.log())).isEqualTo(priceLookups(localRun.out())).isPositive();
        assertSameResults(remote, local);

        // a request delivered again for a partition that completed: acknowledged, nothing runs, nothing changes
        var done = remote.query("SELECT STEP_EXECUTION_ID AS id, VERSION AS version, READ_COUNT AS reads FROM BATCH_STEP_EXECUTION"
                + " WHERE STEP_NAME LIKE 'collect.partition:%' ORDER BY STEP_EXECUTION_ID").get(0);
        long findings = remote.number("SELECT COUNT(*) FROM finding");
        template.convertAndSend("", PartitionMessages.QUEUE,
                new StepExecutionRequest(PartitionRequestHandler.STEP, Long.parseLong(done.get("id"))));
        awaitAny(List.of(w1, w2), "(step execution " + done.get("id") + ") is already COMPLETED: request delivered again");
        assertThat(remote.query("SELECT VERSION AS version, READ_COUNT AS reads FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID = ?",
                Long.parseLong(done.get("id"))).get(0)).containsEntry("version", done.get("version")).containsEntry("reads", done.get("reads"));
        assertThat(remote.number("SELECT COUNT(*) FROM finding")).isEqualTo(findings);

        // poison: not a request at all, and a request for a step execution this database never had
        MessageProperties text = new MessageProperties();
        text.setContentType(MessageProperties.CONTENT_TYPE_TEXT_PLAIN);
        template.send("", PartitionMessages.QUEUE, new Message("collect everything".getBytes(StandardCharsets.UTF_8), text));
        template.convertAndSend("", PartitionMessages.QUEUE, new StepExecutionRequest(PartitionRequestHandler.STEP, 987_654_321L));
        Message dead1 = template.receive(PartitionMessages.DEAD_LETTER_QUEUE, 60_000);
        Message dead2 = template.receive(PartitionMessages.DEAD_LETTER_QUEUE, 60_000);
        assertThat(List.of(dead1, dead2)).as("both poison messages dead-lettered").doesNotContainNull();
        Thread.sleep(2_000);
        assertThat(admin.getQueueInfo(PartitionMessages.QUEUE).getMessageCount()).as("nothing requeued").isZero();
        assertThat(template.receive(PartitionMessages.DEAD_LETTER_QUEUE)).as("each dead-lettered once").isNull();
        assertThat(w1.alive() && w2.alive()).as("the workers go on").isTrue();

        // SIGTERM with nothing running: the worker stops cleanly
        w1.terminate();
        w1.awaitExit(Duration.ofSeconds(60));
        assertThat(w1.log()).contains("worker: stopped");
    }

    @Test
    void aWorkerKilledOrStoppedMidPartitionIsReplacedAndNothingIsDuplicated(@TempDir Path dir) throws Exception {
        Cli remote = schemas.cli(dir.resolve("remote"), remoteYaml(40, "5m"));
        ChildJvm w1 = worker(dir.resolve("w1.log"), remote);
        awaitReady(w1);
        ChildJvm manager = start(dir.resolve("manager.log"), "run", "--demo", "--no-email", "--as-of", Fixtures.AS_OF.toString(),
                "--config", remote.config().toString());
        long deadline = System.nanoTime() + RUN.toNanos();
        while (remote.number("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'collect.partition:%'"
                + " AND STATUS = 'STARTED' AND COMMIT_COUNT >= 1") == 0) {
            assertThat(System.nanoTime()).as("a partition committed a chunk:\n" + w1.log()).isLessThan(deadline);
            assertThat(manager.alive()).as(manager.log()).isTrue();
            Thread.sleep(50);
        }
        w1.kill();
        assertThat(remote.number("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'collect.partition:%'"
                + " AND STATUS = 'STARTED'")).as("partitions left running by the killed worker").isPositive();

        // the next worker resumes them; SIGTERM while it runs one: it gives the partition back
        ChildJvm w2 = start(dir.resolve("w2.log"), "worker", "--config", remote.config().toString(),
                "--spring.lifecycle.timeout-per-shutdown-phase=1s");
        w2.awaitLog(l -> l.contains("c.c.j.AuditItemReader - resuming"), RUN, "a resumed partition");
        w2.terminate();
        assertThat(w2.awaitExit(Duration.ofSeconds(60))).as(w2.log()).isEqualTo(Worker.GAVE_BACK);
        assertThat(w2.log()).contains("still running after the shutdown grace: giving them back to RabbitMQ");

        ChildJvm w3 = worker(dir.resolve("w3.log"), remote);
        int code = manager.awaitExit(RUN);

        Cli local = schemas.cli(dir.resolve("local"), Cli.fakeEstate(ITEMS, 0));
        assertThat(code).as(manager.log()).isEqualTo(local.audit(Fixtures.AS_OF).code());
        assertThat(w3.log()).contains("was left running by a worker that stopped").contains("resuming");
        assertThat(remote.number("SELECT COUNT(*) FROM finding WHERE check_id LIKE 'fake.%'")).isEqualTo(FAKE_FINDINGS);
        assertThat(remote.number("SELECT COUNT(*) FROM run_finding")).isEqualTo(remote.number("SELECT COUNT(*) FROM finding"));
        assertThat(remote.number("SELECT COUNT(*) FROM finding WHERE status <> 'NEW'")).isZero();
        assertSameResults(remote, local);
        assertThat(partitionLines(manager.log())).isEmpty();
    }

    @Test
    void noWorkerFailsTheRunAfterTheTimeoutAndRestartFinishesIt(@TempDir Path dir) throws Exception {
        Cli remote = schemas.cli(dir.resolve("remote"), remoteYaml(0, "10s"));
        Cli.Result failed = remote.audit(Fixtures.AS_OF);

        assertThat(failed.code()).as(failed.err()).isEqualTo(1);
        assertThat(failed.err()).contains("error: no worker finished partition(s) collect:111111111111:eu-west-1 (step execution ")
                .contains("collect:111111111111:global (step execution ").contains("collect:222222222222:us-west-2 (step execution ")
                .contains("within 10s (consolesensei.partitioning.timeout)");
        long execution = failed.executionId();

        ChildJvm w1 = worker(dir.resolve("w1.log"), remote);
        awaitReady(w1);
        Cli.Result restarted = remote.cli("restart", Long.toString(execution));

        Cli local = schemas.cli(dir.resolve("local"), Cli.fakeEstate(ITEMS, 0));
        assertThat(restarted.code()).as(restarted.out() + restarted.err()).isEqualTo(local.audit(Fixtures.AS_OF).code());
        assertThat(restarted.out()).contains("COMPLETED");
        // the first execution's requests were still queued: the worker ran none of them
        assertThat(w1.log()).contains("is already FAILED: request delivered again, nothing to do");
        assertThat(partitionLines(w1.log())).hasSize(PARTITIONS);
        assertSameResults(remote, local);
    }

    @Test
    void brokerDownAtStartIsOneLineAndExit1(@TempDir Path dir) throws Exception {
        Cli remote = schemas.cli(dir.resolve("remote"), remoteYaml(0, "3m"));

        Cli.Result run = remote.audit(Fixtures.AS_OF, "--spring.rabbitmq.port=1");
        Cli.Result worker = remote.cli("worker", "--spring.rabbitmq.port=1");

        for (Cli.Result r : List.of(run, worker)) {
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err().lines().filter(l -> l.startsWith("error:")).toList())
                    .containsExactly("error: RabbitMQ at localhost:1 is unreachable (Connection refused): start it, or set"
                            + " spring.rabbitmq.host / port / username / password to reach it");
        }
        assertThat(remote.number("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("no run started").isZero();
    }

    private static String remoteYaml(long delayMs, String timeout) {
        return Cli.fakeEstate(ITEMS, delayMs) + "consolesensei:\n  aws:\n    concurrency: 2\n"
                + "  partitioning:\n    mode: remote\n    timeout: " + timeout + "\n";
    }

    private ChildJvm worker(Path log, Cli cli) throws Exception {
        return start(log, "worker", "--config", cli.config().toString());
    }

    private ChildJvm start(Path log, String... args) throws Exception {
        ChildJvm c = ChildJvm.start(log, args);
        children.add(c);
        return c;
    }

    private static void awaitReady(ChildJvm worker) throws InterruptedException {
        worker.awaitLog(l -> l.contains("worker: taking collect partitions"), START, "worker start");
    }

    private static void awaitAny(List<ChildJvm> workers, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (workers.stream().noneMatch(w -> w.log().contains(text))) {
            assertThat(System.nanoTime()).as("a worker logged: " + text).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The run summary's line starting with {@code start}. */
    private static String summaryLine(String log, String start) {
        return log.lines().map(String::strip).filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + start + "' line in:\n" + log));
    }

    /** GetProducts calls plus prices from the cache, from the run summary's Price List line. */
    private static long priceLookups(String log) {
        Matcher m = Pattern.compile("(\\d+) GetProducts call\\(s\\), (\\d+) price\\(s\\) from the cache")
                .matcher(summaryLine(log, "Price List requests:"));
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1)) + Long.parseLong(m.group(2));
    }

    /** The {@code partition account=...} lines of a log (one per partition run). */
    private static List<String> partitionLines(String log) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("partition account=\\S+ region=\\S+ .*").matcher(log);
        while (m.find()) out.add(m.group());
        return out;
    }

    private static void assertSameResults(Cli remote, Cli local) throws Exception {
        assertThat(Files.readString(remote.report("findings", "all", Fixtures.AS_OF, "csv")))
                .isEqualTo(Files.readString(local.report("findings", "all", Fixtures.AS_OF, "csv")));
        assertThat(Files.readString(remote.report("coverage", "all", Fixtures.AS_OF, "csv")))
                .isEqualTo(Files.readString(local.report("coverage", "all", Fixtures.AS_OF, "csv")));
        Cli.assertSameWorkbook(remote.report("consolesensei", "all", Fixtures.AS_OF, "xlsx"),
                local.report("consolesensei", "all", Fixtures.AS_OF, "xlsx"));
    }
}
