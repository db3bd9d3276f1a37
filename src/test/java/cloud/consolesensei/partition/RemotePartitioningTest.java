package cloud.consolesensei.partition;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.testkit.ChildJvm;
import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.Fixtures;
import cloud.consolesensei.testkit.JobTest;
import cloud.consolesensei.testkit.PostgresSchemas;
import cloud.consolesensei.testkit.Prometheus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Remote partitioning end to end, with this machine's RabbitMQ (127.0.0.1:5672) and PostgreSQL: a
 * manager ({@code run}) and worker JVMs ({@code worker}) on the demo estate plus the fake estate,
 * compared with a local run of the same estate. Every wait is on a state: a worker's health (UP once
 * it takes partitions), its Prometheus counters, the job repository's rows, the broker's queues.
 */
@Tag("remote")
@JobTest
class RemotePartitioningTest {

    /** Widgets per region: 3 chunks of 100 per regional partition. */
    private static final int ITEMS = 300;
    /** 4 account-regions and 2 global partitions (the demo estate's). */
    private static final int PARTITIONS = 6;
    private static final long FAKE_FINDINGS = 4L * ITEMS + 2L * (ITEMS / 10);
    /** CPU a worker JVM may use to start (about 15 s on this machine when it is quiet). */
    private static final Duration START_CPU = Duration.ofSeconds(90);
    /** How long a state the workers reach in a few seconds on a quiet machine is waited for. */
    private static final Duration STATE = Duration.ofMinutes(2);
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
        int[] ports = ChildJvm.freePorts(3);
        int serverPort = ports[2];
        // a worker given the console's server.port too: it must not listen there
        ChildJvm w1 = worker(dir.resolve("w1.log"), remote, ports[0], "--server.port=" + serverPort);
        ChildJvm w2 = worker(dir.resolve("w2.log"), remote, ports[1]);
        w1.awaitHealthy(ports[0], START_CPU);
        w2.awaitHealthy(ports[1], START_CPU);

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
        Cli.assertSameReports(remote, local);

        // observable: each worker's health names the database and the broker, its scrape the partitions it ran
        // and the AWS calls they made (as the manager's summary counts them per process)
        for (int i = 0; i < 2; i++) {
            ChildJvm w = List.of(w1, w2).get(i);
            JsonNode health = new ObjectMapper().readTree(ChildJvm.get(ports[i], "/actuator/health").body());
            assertThat(health.at("/status").asText()).as(health.toString()).isEqualTo("UP");
            for (String component : List.of("db", "rabbit", "worker")) {
                assertThat(health.at("/components/" + component + "/status").asText()).as(component + ": " + health).isEqualTo("UP");
            }
            ChildJvm.Http prometheus = ChildJvm.get(ports[i], "/actuator/prometheus");
            assertThat(prometheus.status()).isEqualTo(200);
            long ran = partitionLines(w.log()).size();
            assertThat(Prometheus.sum(prometheus.body(), "consolesensei_partitions_total", "status=\"COMPLETED\"")).isEqualTo(ran);
            assertThat(Prometheus.sum(prometheus.body(), "consolesensei_partition_requests_total", "outcome=\"ran\"")).isEqualTo(ran);
            assertThat(Prometheus.sum(prometheus.body(), "consolesensei_aws_calls_total"))
                    .isEqualTo(workerCalls(manager.log(), w.pid()));
        }
        // and serves nothing else: no console, no API, no static files; nothing on server.port
        for (String path : List.of("/", "/runs/1", "/accounts", "/login", "/api/runs", "/css/console.css", "/actuator/metrics")) {
            assertThat(ChildJvm.get(ports[0], path).status()).as(path).isEqualTo(404);
        }
        assertThat(ChildJvm.get(serverPort, "/").status()).as("nothing listens on server.port").isEqualTo(-1);

        // a request delivered again for a partition that completed: acknowledged, nothing runs, nothing changes
        var done = remote.query("SELECT STEP_EXECUTION_ID AS id, VERSION AS version, READ_COUNT AS reads FROM BATCH_STEP_EXECUTION"
                + " WHERE STEP_NAME LIKE 'collect.partition:%' ORDER BY STEP_EXECUTION_ID").get(0);
        long findings = remote.number("SELECT COUNT(*) FROM finding");
        Map<Integer, ChildJvm> workers = Map.of(ports[0], w1, ports[1], w2);
        double ended = requests(workers, "ended");
        template.convertAndSend("", PartitionMessages.QUEUE,
                new StepExecutionRequest(PartitionRequestHandler.STEP, Long.parseLong(done.get("id"))));
        awaitRequests(workers, "ended", ended + 1);
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
        assertThat(requests(workers, "refused")).as("each refused once").isEqualTo(2);
        assertThat(requests(workers, "given_back")).as("nothing requeued").isZero();
        assertThat(admin.getQueueInfo(PartitionMessages.QUEUE).getMessageCount()).as("nothing left queued").isZero();
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
        int[] ports = ChildJvm.freePorts(3);
        ChildJvm w1 = worker(dir.resolve("w1.log"), remote, ports[0]);
        w1.awaitHealthy(ports[0], START_CPU);
        ChildJvm manager = start(dir.resolve("manager.log"), "run", "--demo", "--no-email", "--as-of", Fixtures.AS_OF.toString(),
                "--config", remote.config().toString());
        awaitPartitionCommitted(remote, manager);
        w1.kill();
        // the partitions the killed worker left running, and the version of each then
        var left = remote.query("SELECT STEP_EXECUTION_ID AS id, VERSION AS version FROM BATCH_STEP_EXECUTION"
                + " WHERE STEP_NAME LIKE 'collect.partition:%' AND STATUS = 'STARTED'");
        assertThat(left).as("partitions left running by the killed worker").isNotEmpty();

        // the next worker resumes them (a left partition's step execution written again); SIGTERM while it runs
        // one: it gives the partition back
        ChildJvm w2 = worker(dir.resolve("w2.log"), remote, ports[1], "--spring.lifecycle.timeout-per-shutdown-phase=1s");
        long deadline = System.nanoTime() + RUN.toNanos();
        while (left.stream().noneMatch(p -> remote.number("SELECT VERSION FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID = ?",
                Long.parseLong(p.get("id"))) > Long.parseLong(p.get("version")))) {
            assertThat(System.nanoTime()).as("a left partition resumed:\n" + w2.log()).isLessThan(deadline);
            assertThat(w2.alive()).as(w2.log()).isTrue();
            Thread.sleep(100);
        }
        w2.terminate();
        assertThat(w2.awaitExit(Duration.ofSeconds(60))).as(w2.log()).isEqualTo(Worker.GAVE_BACK);
        assertThat(w2.log()).contains("still running after the shutdown grace: giving them back to RabbitMQ");

        ChildJvm w3 = worker(dir.resolve("w3.log"), remote, ports[2]);
        int code = manager.awaitExit(RUN);

        Cli local = schemas.cli(dir.resolve("local"), Cli.fakeEstate(ITEMS, 0));
        assertThat(code).as(manager.log()).isEqualTo(local.audit(Fixtures.AS_OF).code());
        assertThat(w3.log()).contains("was left running by a worker that stopped").contains("resuming");
        assertThat(remote.number("SELECT COUNT(*) FROM finding WHERE check_id LIKE 'fake.%'")).isEqualTo(FAKE_FINDINGS);
        assertThat(remote.number("SELECT COUNT(*) FROM run_finding")).isEqualTo(remote.number("SELECT COUNT(*) FROM finding"));
        assertThat(remote.number("SELECT COUNT(*) FROM finding WHERE status <> 'NEW'")).isZero();
        Cli.assertSameReports(remote, local);
        assertThat(partitionLines(manager.log())).isEmpty();
    }

    @Test
    void sigtermToTheManagerStopsTheRunAndRestartFinishesIt(@TempDir Path dir) throws Exception {
        Cli remote = schemas.cli(dir.resolve("remote"), remoteYaml(40, "5m"));
        int port = ChildJvm.freePorts(1)[0];
        ChildJvm w1 = worker(dir.resolve("w1.log"), remote, port);
        w1.awaitHealthy(port, START_CPU);
        ChildJvm manager = start(dir.resolve("manager.log"), "run", "--demo", "--no-email", "--as-of", Fixtures.AS_OF.toString(),
                "--config", remote.config().toString());
        awaitPartitionCommitted(remote, manager);

        // the worker's two running partitions stop at their next chunk; the four still queued are stopped by the
        // manager, which no worker is running: the execution is STOPPED within a chunk's time, as in local mode
        manager.terminate();
        assertThat(manager.awaitExit(RUN)).as(manager.log()).isEqualTo(143);
        long execution = remote.number("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION");
        assertThat(manager.log()).contains("stopped by SIGTERM at its next chunk: job execution " + execution
                + " is STOPPED; resume it with `restart " + execution + "`");
        assertThat(remote.query("SELECT STATUS AS status FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", execution).get(0))
                .containsEntry("status", "STOPPED");
        var partitions = remote.query("SELECT STATUS AS status, COMMIT_COUNT AS commits FROM BATCH_STEP_EXECUTION"
                + " WHERE STEP_NAME LIKE 'collect.partition:%'");
        assertThat(partitions).hasSize(PARTITIONS).allMatch(p -> p.get("status").equals("STOPPED") || p.get("status").equals("COMPLETED"))
                .anyMatch(p -> p.get("status").equals("STOPPED") && Long.parseLong(p.get("commits")) >= 1);
        assertThat(w1.alive()).as("the worker goes on").isTrue();
        String scrape = ChildJvm.get(port, "/actuator/prometheus").body();
        assertThat(Prometheus.sum(scrape, "consolesensei_partitions_total", "status=\"STOPPED\"")).as(scrape).isPositive();

        // restart: the same worker resumes the stopped partitions from their last committed chunk
        Cli.Result restarted = remote.cli("restart", Long.toString(execution));
        Cli local = schemas.cli(dir.resolve("local"), Cli.fakeEstate(ITEMS, 0));
        assertThat(restarted.code()).as(restarted.out() + restarted.err()).isEqualTo(local.audit(Fixtures.AS_OF).code());
        assertThat(remote.number("SELECT COUNT(*) FROM finding WHERE check_id LIKE 'fake.%'")).isEqualTo(FAKE_FINDINGS);
        assertThat(remote.number("SELECT COUNT(*) FROM run_finding")).isEqualTo(remote.number("SELECT COUNT(*) FROM finding"));
        Cli.assertSameReports(remote, local);
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

        int port = ChildJvm.freePorts(1)[0];
        ChildJvm w1 = worker(dir.resolve("w1.log"), remote, port);
        w1.awaitHealthy(port, START_CPU);
        // the 10 s were for the first run: the restart waits as long as a loaded machine needs for the worker
        Cli.Result restarted = remote.cli("restart", Long.toString(execution), "--consolesensei.partitioning.timeout=5m");

        Cli local = schemas.cli(dir.resolve("local"), Cli.fakeEstate(ITEMS, 0));
        assertThat(restarted.code()).as(restarted.out() + restarted.err()).isEqualTo(local.audit(Fixtures.AS_OF).code());
        assertThat(restarted.out()).contains("COMPLETED");
        // the first execution's requests were still queued: the worker ran none of them
        assertThat(w1.log()).contains("is already FAILED: request delivered again, nothing to do");
        assertThat(partitionLines(w1.log())).hasSize(PARTITIONS);
        Cli.assertSameReports(remote, local);
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

    /** A worker JVM whose management port (health, Prometheus) is {@code port}. */
    private ChildJvm worker(Path log, Cli cli, int port, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("worker", "--config", cli.config().toString(), "--management.server.port=" + port));
        args.addAll(List.of(more));
        return start(log, args.toArray(String[]::new));
    }

    private ChildJvm start(Path log, String... args) throws Exception {
        ChildJvm c = ChildJvm.start(log, args);
        children.add(c);
        return c;
    }

    /** Waits until a partition has committed a chunk and is still running. */
    private static void awaitPartitionCommitted(Cli remote, ChildJvm manager) throws InterruptedException {
        long deadline = System.nanoTime() + RUN.toNanos();
        while (remote.number("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'collect.partition:%'"
                + " AND STATUS = 'STARTED' AND COMMIT_COUNT >= 1") == 0) {
            assertThat(System.nanoTime()).as("a partition committed a chunk").isLessThan(deadline);
            assertThat(manager.alive()).as(manager.log()).isTrue();
            Thread.sleep(50);
        }
    }

    /** The partition requests the workers (by management port) counted with {@code outcome}, summed. */
    private static double requests(Map<Integer, ChildJvm> workers, String outcome) throws Exception {
        double n = 0;
        for (int port : workers.keySet()) {
            n += Prometheus.sum(ChildJvm.get(port, "/actuator/prometheus").body(), "consolesensei_partition_requests_total",
                    "outcome=\"" + outcome + "\"");
        }
        return n;
    }

    private static void awaitRequests(Map<Integer, ChildJvm> workers, String outcome, double n) throws Exception {
        long deadline = System.nanoTime() + STATE.toNanos();
        while (requests(workers, outcome) < n) {
            assertThat(System.nanoTime()).as(n + " request(s) " + outcome).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The AWS calls the manager's run summary counts for the worker process {@code pid}. */
    private static long workerCalls(String managerLog, long pid) {
        Matcher m = Pattern.compile("\\b" + pid + "@[^:]+: \\d+ partition\\(s\\), (\\d+) call\\(s\\)")
                .matcher(summaryLine(managerLog, "workers:"));
        assertThat(m.find()).as("worker " + pid + " in the manager's summary").isTrue();
        return Long.parseLong(m.group(1));
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

}
