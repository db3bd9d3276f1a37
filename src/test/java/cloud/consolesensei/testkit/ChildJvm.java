package cloud.consolesensei.testkit;

import cloud.consolesensei.ConsoleSensei;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real command line in a JVM of its own (the test classpath, so test modules such as the
 * {@link FakeEstateModule} are there), its stdout and stderr in one log file: for tests that need
 * several processes at once, or one to kill. With an HTTP port (a {@code worker}'s
 * {@code management.server.port}), {@link #awaitHealthy} waits for its health and {@link #get} reads it.
 */
public final class ChildJvm implements AutoCloseable {

    /**
     * How long {@link #awaitHealthy} waits at most, whatever the child's CPU says: a child that neither
     * starts nor works (blocked) is a failure, not a slow machine.
     */
    private static final Duration HEALTH_WALL_LIMIT = Duration.ofMinutes(15);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code consolesensei args...}, logging to {@code log}. */
    public static ChildJvm start(Path log, String... args) throws IOException {
        List<String> cmd = command(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"), ConsoleSensei.class, args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ChildJvm(p, log);
    }

    /** The command line of {@code main} on this build's classpath: this JVM's java, {@code jvmOptions}, then {@code args}. */
    public static List<String> command(List<String> jvmOptions, Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * What a JVM run to its end left: its exit code and its stdout and stderr together.
     *
     * @param exitCode the process's exit code
     * @param output   both streams, in the order written
     */
    public record Ended(int exitCode, String output) {
    }

    /**
     * Runs {@code main} ({@link #command}) to its end and returns what it left.
     *
     * @throws IllegalStateException when it has not ended within a minute (it is then killed)
     */
    public static Ended run(List<String> jvmOptions, Class<?> main, String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command(jvmOptions, main, args)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(1, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(main.getSimpleName() + " did not end within a minute:\n" + out);
        }
        return new Ended(p.exitValue(), out);
    }

    /** What the process wrote so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer: status and body; status -1 when nothing listens on the port. */
    public record Http(int status, String body) {
    }

    /** {@code n} different TCP ports free on this machine now (another process may take one before the child does). */
    public static int[] freePorts(int n) throws IOException {
        List<ServerSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) open.add(new ServerSocket(0));
            return open.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket s : open) s.close();
        }
    }

    /** {@code GET http://127.0.0.1:<port><path>}. */
    public static Http get(int port, String path) throws IOException, InterruptedException {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Http(r.statusCode(), r.body());
        } catch (ConnectException e) {
            return new Http(-1, "");
        }
    }

    /**
     * Waits until {@code GET /actuator/health} on {@code port} answers 200 (a worker: it takes partitions).
     * The child is given CPU time, not wall time: on a loaded machine it starts as slowly as the machine
     * lets it and is waited for, while one that has used {@code cpuBudget} of CPU without becoming healthy
     * (or that ends, or is still not healthy after 15 minutes) fails the wait.
     */
    public void awaitHealthy(int port, Duration cpuBudget) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + HEALTH_WALL_LIMIT.toNanos();
        while (healthStatus(port) != 200) {
            if (!process.isAlive()) throw new AssertionError("process ended before it was healthy on port " + port + ":\n" + log());
            Duration cpu = cpu();
            if (cpu.compareTo(cpuBudget) > 0 || System.nanoTime() > deadline) {
                throw new AssertionError("not healthy on port " + port + " after " + cpu.toMillis() + " ms of CPU:\n" + log());
            }
            Thread.sleep(200);
        }
    }

    /** The health's HTTP status; -1 while the server is not there yet or drops the connection as it starts. */
    private static int healthStatus(int port) throws InterruptedException {
        try {
            return get(port, "/actuator/health").status();
        } catch (IOException e) {
            return -1;
        }
    }

    /** CPU time the process has used so far. */
    public Duration cpu() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The process id. */
    public long pid() {
        return process.pid();
    }

    /** Waits for the process to end; returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("process still running after " + timeout + ":\n" + log());
        }
        return process.exitValue();
    }

    /** SIGTERM, as an orchestrator stops a container. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL: no shutdown hook, no rollback, no acknowledgement. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
