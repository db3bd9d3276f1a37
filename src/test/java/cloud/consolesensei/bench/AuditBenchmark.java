package cloud.consolesensei.bench;

import cloud.consolesensei.ConsoleSensei;
import cloud.consolesensei.testkit.ChildJvm;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * One audit benchmark run: serves a {@link SyntheticEstate} with {@link FakeAwsServer}, runs
 * {@code consolesensei run} against it (a child JVM from the packaged jar for honest heap and CPU
 * figures, or in this JVM for the smoke test) and measures it against the API floor.
 */
public final class AuditBenchmark {

    /** The target of the collect step's CPU time against the baseline's (issue 22). */
    public static final double MAX_BASELINE_RATIO = 1.5;

    /** As-of date of every benchmark run (the synthetic estate's dates are relative to it). */
    public static final String AS_OF = "2026-11-29";

    /**
     * How to run.
     *
     * @param latencyMs     per-call latency of the fake AWS, milliseconds
     * @param concurrency   {@code consolesensei.aws.concurrency}
     * @param perAccount    {@code consolesensei.aws.concurrency-per-account}
     * @param ratePerSecond per-account token bucket of the fake AWS; 0 = unlimited
     * @param jar           the packaged jar to run in a child JVM, or null to run in this JVM
     * @param xmx           child JVM maximum heap, e.g. {@code 512m}
     * @param work          folder for configuration, database, reports and logs (created)
     */
    public record Options(long latencyMs, int concurrency, int perAccount, double ratePerSecond, Path jar, String xmx,
                          Path work) {
    }

    /**
     * Where the audit runs, beyond {@link Options}.
     *
     * @param extraYaml configuration appended under {@code consolesensei:} (two-space indented keys), e.g. checks
     *                  turned off; empty for none
     * @param jdbcUrl   the database of the run (job repository and findings store), or null for a fresh H2 file
     *                  under the work folder
     * @param jdbcUser  its user (no password), or null with H2
     * @param workers   {@code worker} JVMs to start beside the manager (remote partitioning over the RabbitMQ
     *                  {@code args} name); 0 = a local run. Needs a jar and a PostgreSQL {@code jdbcUrl}
     * @param args      more command-line arguments for every JVM, e.g. {@code --spring.rabbitmq.port=5672}
     */
    public record Deployment(String extraYaml, String jdbcUrl, String jdbcUser, int workers, List<String> args) {

        /** One JVM, its own fresh H2 database, the default configuration. */
        public static Deployment local() {
            return new Deployment("", null, null, 0, List.of());
        }

        /** The same with {@code yaml} appended under {@code consolesensei:}. */
        public Deployment withYaml(String yaml) {
            return new Deployment(extraYaml + yaml, jdbcUrl, jdbcUser, workers, args);
        }
    }

    /**
     * What one run measured.
     *
     * @param exitCode     the CLI's exit code (0 = every account and check audited)
     * @param wall         wall time of the whole {@code run} command (JVM start to exit)
     * @param stats        the fake AWS's counters
     * @param findings     rows of the findings CSV
     * @param gaps         rows of the coverage CSV (failed calls that became gaps)
     * @param peakHeapMiB  largest heap occupancy the GC log shows (before a collection), or -1 in-process
     * @param peakLiveMiB  live set estimate ({@link #peakHeap}), or -1
     * @param cpu          CPU time of the child JVMs (the manager and its workers), or null in-process
     * @param fakeCpu      CPU time this JVM (the fake AWS) used during the run
     * @param steps        the audited JVM's step lines ({@code StepCpuLog}): step name to {wall ms, CPU ms}, in
     *                     order; empty in-process
     * @param baseline     the same calls replayed by a bare loop of the SDK ({@link BaselineReplay})
     * @param replayed     {recorded calls the baseline had to make, of those the ones it made exactly alike}
     * @param summary      the run summary's lines the audited command printed (Cost Explorer, Price List,
     *                     GetMetricData, workers), empty in-process
     * @param workerCpu    CPU time of each worker JVM (included in {@code cpu}); empty for a local run
     */
    public record Result(EstateSpec spec, Options options, int exitCode, Duration wall, FakeAwsServer.Stats stats,
                         long findings, long gaps, long peakHeapMiB, long peakLiveMiB, Duration cpu, Duration fakeCpu,
                         Map<String, long[]> steps, BaselineReplay.Result baseline, long[] replayed, List<String> summary,
                         List<Duration> workerCpu) {

        /** CPU milliseconds of the audited JVM during the collect step, or -1 when unknown. */
        public long collectCpuMs() {
            long[] c = steps.get("collect");
            return c == null ? -1 : c[1];
        }

        /** The collect step's CPU over the baseline's: what the product costs per call beyond the SDK itself. */
        public double baselineRatio() {
            return collectCpuMs() < 0 || baseline.cpuMs() <= 0 ? -1 : (double) collectCpuMs() / baseline.cpuMs();
        }

        /** Calls of {@code service:Operation} (e.g. {@code monitoring:GetMetricData}) the fake AWS answered or refused. */
        public long calls(String operation) {
            return stats.byOperation().getOrDefault(operation, 0L);
        }

        /**
         * The machine's CPU bound, seconds: the CPU time of the audited JVM and of the fake AWS, spread
         * over this machine's cores. No schedule finishes sooner; when it exceeds the API floor the
         * machine, not AWS, sets the pace.
         */
        public double cpuBoundSeconds() {
            if (cpu == null) return -1;
            return (cpu.toMillis() + fakeCpu.toMillis()) / 1000.0 / Runtime.getRuntime().availableProcessors();
        }

        /** Calls that were answered (throttled ones excluded): the work any client must do. */
        public long answeredCalls() {
            return stats.calls() - stats.throttled();
        }

        /**
         * The API floor, seconds: the plan step's sequential STS calls, then the largest of the critical path
         * (the busiest partition's calls in a row), all calls spread over the concurrency, and the busiest
         * account's calls at the per-account rate limit.
         */
        public double floorSeconds() {
            double l = options.latencyMs() / 1000.0;
            double plan = stats.planCalls() * l;
            double critical = stats.criticalPathCalls() * l;
            double spread = (answeredCalls() - stats.planCalls()) * l / options.concurrency();
            double rate = options.ratePerSecond() > 0 ? stats.busiestAccountCalls() / options.ratePerSecond() : 0;
            return plan + Math.max(critical, Math.max(spread, rate));
        }

        public double ratio() {
            return wall.toMillis() / 1000.0 / floorSeconds();
        }
    }

    private AuditBenchmark() {
    }

    /** Serves the estate and runs one audit against it, in one JVM with a fresh H2 database. */
    public static Result run(EstateSpec spec, Options o) throws IOException, InterruptedException {
        return run(spec, o, Deployment.local());
    }

    /** Serves the estate and runs one audit against it as {@code d} says. */
    public static Result run(EstateSpec spec, Options o, Deployment d) throws IOException, InterruptedException {
        if (d.workers() > 0 && (o.jar() == null || d.jdbcUrl() == null)) {
            throw new IllegalArgumentException("workers need the packaged jar and a PostgreSQL database");
        }
        Files.createDirectories(o.work());
        Path config = o.work().resolve("bench-audit.yml");
        Files.writeString(config, config(spec, o) + d.extraYaml());
        Path reports = o.work().resolve("reports");
        Path db = o.work().resolve("data/consolesensei");
        deleteDb(db);
        List<String> database = new ArrayList<>(d.jdbcUrl() == null ? List.of("--spring.datasource.url=" + h2Url(db))
                : List.of("--spring.datasource.url=" + d.jdbcUrl(), "--spring.datasource.username=" + d.jdbcUser()));
        database.addAll(d.args());
        try (FakeAwsServer aws = new FakeAwsServer(new SyntheticEstate(spec), o.latencyMs(), o.ratePerSecond(),
                Math.max(64, o.concurrency() * 4))) {
            List<String> args = new ArrayList<>(List.of("run", "--config", config.toString(), "--as-of", AS_OF,
                    "--reports-dir", reports.toString(), "--no-email"));
            args.addAll(database);
            List<Child> workers = new ArrayList<>();
            try {
                int[] ports = ChildJvm.freePorts(d.workers());
                for (int i = 0; i < d.workers(); i++) {
                    List<String> w = new ArrayList<>(List.of("worker", "--config", config.toString()));
                    w.addAll(database);
                    // the concurrency is the whole run's: each worker runs its share
                    w.add("--consolesensei.aws.concurrency=" + Math.max(1, o.concurrency() / d.workers()));
                    w.add("--management.server.port=" + ports[i]);
                    workers.add(Child.start(aws, o, w, "worker-" + (i + 1)));
                }
                for (int i = 0; i < d.workers(); i++) workers.get(i).awaitHealthy(ports[i]);
                // the workers' CPU is counted from here: what they spend on the run, not on starting
                workers.forEach(Child::startRun);
                aws.startRecording();
                long start = System.nanoTime();
                long fakeCpu0 = processCpuNanos();
                int exit;
                Duration cpu = null;
                List<String> summary = List.of();
                List<Duration> workerCpu = new ArrayList<>();
                if (o.jar() != null) {
                    Child manager = Child.start(aws, o, args, "audit");
                    exit = manager.await(workers);
                    cpu = manager.cpu;
                    for (Child w : workers) {
                        workerCpu.add(w.runCpu());
                        cpu = cpu.plus(w.runCpu());
                    }
                    summary = summaryLines(manager.out);
                } else {
                    exit = inProcess(aws, args);
                }
                Duration wall = Duration.ofNanos(System.nanoTime() - start);
                Duration fakeCpu = Duration.ofNanos(processCpuNanos() - fakeCpu0);
                List<RecordedCall> recorded = aws.stopRecording();
                FakeAwsServer.Stats stats = aws.stats();
                long[] heap = {-1, -1};
                if (o.jar() != null) {
                    heap = peakHeap(o.work().resolve("audit-gc.log"));
                    for (Child w : workers) {
                        long[] h = peakHeap(w.gcLog);
                        heap = new long[] {Math.max(heap[0], h[0]), Math.max(heap[1], h[1])};
                    }
                }
                Map<String, long[]> steps = o.jar() != null ? steps(o.work().resolve("audit.out")) : Map.of();
                long workersMs = workerCpu.stream().mapToLong(Duration::toMillis).sum();
                if (workersMs > 0 && steps.containsKey("collect")) {
                    // the workers run the partitions while the manager's collect step waits: the step's CPU is theirs too
                    long[] collect = steps.get("collect");
                    steps.put("collect", new long[] {collect[0], collect[1] + workersMs});
                }
                Path dir = reports.resolve(AS_OF);
                long findings = records(dir.resolve("findings-all-" + AS_OF + ".csv"));
                long gaps = records(dir.resolve("coverage-all-" + AS_OF + ".csv"));
                // the baseline: the same calls, made again by a bare loop of the SDK against the same server
                aws.startRecording();
                BaselineReplay.Result baseline = baseline(aws, o, recorded);
                long[] replayed = sameCalls(recorded, aws.stopRecording());
                return new Result(spec, o, exit, wall, stats, findings, gaps, heap[0], heap[1], cpu, fakeCpu, steps, baseline,
                        replayed, summary, workerCpu);
            } finally {
                for (Child w : workers) w.stop();
            }
        }
    }

    private static final Pattern STEP = Pattern.compile("step (\\S+) ended: status=\\S+ wall=(\\d+)ms cpu=(-?\\d+)ms");

    /** The audited JVM's step lines: step name to {wall ms, CPU ms}. */
    static Map<String, long[]> steps(Path log) throws IOException {
        Map<String, long[]> out = new LinkedHashMap<>();
        if (!Files.exists(log)) return out;
        for (String line : Files.readAllLines(log)) {
            Matcher m = STEP.matcher(line);
            if (m.find()) out.put(m.group(1), new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3))});
        }
        return out;
    }

    /** Runs the baseline replay of {@code recorded}: in a child JVM of its own, or in this one for the smoke test. */
    private static BaselineReplay.Result baseline(FakeAwsServer aws, Options o, List<RecordedCall> recorded)
            throws IOException, InterruptedException {
        if (o.jar() == null) {
            Map<String, String> props = sdkProperties(aws);
            props.forEach(System::setProperty);
            try {
                return BaselineReplay.replay(recorded, o.concurrency(), o.perAccount());
            } finally {
                props.keySet().forEach(System::clearProperty);
            }
        }
        Path calls = o.work().resolve("calls.jsonl");
        BaselineReplay.write(recorded, calls);
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx" + o.xmx(), "-XX:+UseG1GC"));
        // the bare SDK runs as a JVM runs by default; e.g. -Dbench.baseline.jvm=-XX:TieredStopAtLevel=1 compiles it
        // as the jar compiles a run (ShortRunCompilation), to compare the two under one compiler
        String extra = System.getProperty("bench.baseline.jvm", "").strip();
        if (!extra.isEmpty()) cmd.addAll(List.of(extra.split("\\s+")));
        cmd.addAll(List.of("-cp", baselineClasspath(o.work())));
        sdkProperties(aws).forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of(BaselineReplay.class.getName(), calls.toString(), Integer.toString(o.concurrency()),
                Integer.toString(o.perAccount())));
        Path out = o.work().resolve("baseline.out");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        int exit = p.waitFor();
        String text = Files.readString(out);
        if (exit != 0) throw new IllegalStateException("the baseline replay exited " + exit + ":\n" + text);
        return BaselineReplay.Result.parse(text);
    }

    /** Where the SDK finds the product's global execution interceptor (its call counter). */
    private static final String GLOBAL_INTERCEPTORS = "software/amazon/awssdk/global/handlers/execution.interceptors";

    /**
     * This JVM's classpath for the baseline JVM, with the product's classes copied without its global SDK
     * interceptor: the baseline is the bare SDK, so the product's call counting is the product's cost.
     */
    static String baselineClasspath(Path work) throws IOException {
        List<String> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path dir = Path.of(entry);
            if (Files.isDirectory(dir) && Files.exists(dir.resolve(GLOBAL_INTERCEPTORS))) {
                Path copy = work.resolve("baseline-classes");
                copyTree(dir, copy);
                Files.delete(copy.resolve(GLOBAL_INTERCEPTORS));
                out.add(copy.toAbsolutePath().toString());
            } else {
                out.add(entry);
            }
        }
        return String.join(File.pathSeparator, out);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /**
     * {calls the replay had to make (the recording without the base credentials' calls), of those the ones the
     * replay made exactly alike}: the replay is only a baseline if it asks what the audit asked.
     */
    static long[] sameCalls(List<RecordedCall> recorded, List<RecordedCall> replayed) {
        Map<String, Integer> left = new HashMap<>();
        long expected = 0;
        for (RecordedCall c : recorded) {
            if (c.account() == null) continue;
            expected++;
            left.merge(c.canonical(), 1, Integer::sum);
        }
        long same = 0;
        for (RecordedCall c : replayed) {
            Integer n = left.get(c.canonical());
            if (n != null && n > 0) {
                same++;
                left.put(c.canonical(), n - 1);
            }
        }
        return new long[] {expected, same};
    }

    /** The run summary lines about what the run asked and cost, as the audited command printed them. */
    static List<String> summaryLines(Path out) throws IOException {
        if (!Files.exists(out)) return List.of();
        return Files.readAllLines(out).stream().map(String::strip)
                .filter(l -> l.startsWith("Cost Explorer requests:") || l.startsWith("Price List requests:")
                        || l.startsWith("CloudWatch GetMetricData:") || l.startsWith("workers:"))
                .toList();
    }

    /** The run's configuration: every account through its role, the estate's regions, the concurrency. */
    static String config(EstateSpec spec, Options o) {
        StringBuilder y = new StringBuilder("consolesensei:\n  aws:\n    concurrency: ").append(o.concurrency())
                .append("\n    concurrency-per-account: ").append(o.perAccount()).append("\n  accounts:\n");
        for (int i = 0; i < spec.accounts(); i++) {
            String id = spec.accountId(i);
            y.append("    - id: \"").append(id).append("\"\n      name: bench-").append(i)
                    .append("\n      role-arn: arn:aws:iam::").append(id).append(":role/audit\n      regions: [")
                    .append(String.join(", ", spec.regionNames())).append("]\n");
        }
        return y.toString();
    }

    private static int inProcess(FakeAwsServer aws, List<String> args) {
        Map<String, String> props = sdkProperties(aws);
        props.forEach(System::setProperty);
        try {
            return ConsoleSensei.execute(args.toArray(String[]::new));
        } finally {
            props.keySet().forEach(System::clearProperty);
        }
    }

    /** How the SDK in the audited process finds the fake AWS and the base credentials. */
    static Map<String, String> sdkProperties(FakeAwsServer aws) {
        return Map.of("aws.endpointUrl", aws.url(), "aws.accessKeyId", FakeAwsServer.BASE_KEY,
                "aws.secretAccessKey", FakeAwsServer.BASE_SECRET, "aws.region", "us-east-1",
                "aws.disableEc2Metadata", "true");
    }

    /** CPU a worker JVM may use to start (about 15 s on a quiet 2-core machine). */
    private static final Duration START_CPU = Duration.ofSeconds(120);
    /** Wall time after which a worker that is still not healthy is taken as blocked, whatever the load. */
    private static final Duration START_WALL = Duration.ofMinutes(30);

    /** A child JVM of the packaged jar: the audited {@code run}, or a {@code worker}. */
    private static final class Child {
        final Process process;
        final Path out;
        final Path gcLog;
        /** CPU time, read while the process lives (error below one poll interval). */
        Duration cpu = Duration.ZERO;
        /** CPU time when the run began (a worker: its start is not the run's). */
        Duration cpuAtRun = Duration.ZERO;

        private Child(Process process, Path out, Path gcLog) {
            this.process = process;
            this.out = out;
            this.gcLog = gcLog;
        }

        static Child start(FakeAwsServer aws, Options o, List<String> args, String name) throws IOException {
            Path gcLog = o.work().resolve(name + "-gc.log");
            List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx" + o.xmx(), "-XX:+UseG1GC",
                    "-Xlog:gc:file=" + gcLog.toAbsolutePath()));
            // e.g. -Dbench.jvm="-XX:StartFlightRecording=filename=target/bench/audit.jfr" to profile the audited JVM
            String extra = System.getProperty("bench.jvm", "").strip();
            if (!extra.isEmpty()) cmd.addAll(List.of(extra.split("\\s+")));
            sdkProperties(aws).forEach((k, v) -> cmd.add("-D" + k + "=" + v));
            cmd.addAll(List.of("-jar", o.jar().toAbsolutePath().toString()));
            cmd.addAll(args);
            Path out = o.work().resolve(name + ".out");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            return new Child(p, out, gcLog);
        }

        void sampleCpu() {
            cpu = process.info().totalCpuDuration().orElse(cpu);
        }

        /** Waits for this process to exit, sampling its CPU time and the workers'; returns its exit code. */
        int await(List<Child> workers) throws InterruptedException {
            while (!process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                sampleCpu();
                workers.forEach(Child::sampleCpu);
            }
            workers.forEach(Child::sampleCpu);
            return process.exitValue();
        }

        /**
         * Waits until the worker's {@code GET /actuator/health} answers 200 (it takes partitions). Measured in
         * the worker's CPU, not in wall time: on a loaded machine it starts as slowly as the machine lets it
         * and is waited for; one that has used {@link #START_CPU} without becoming healthy, or that exits, is
         * an error (so is one still not healthy after {@link #START_WALL}, blocked rather than slow).
         */
        void awaitHealthy(int port) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + START_WALL.toNanos();
            while (ChildJvm.get(port, "/actuator/health").status() != 200) {
                sampleCpu();
                if (!process.isAlive() || cpu.compareTo(START_CPU) > 0 || System.nanoTime() > deadline) {
                    throw new IllegalStateException("worker not healthy on port " + port + " after " + cpu.toSeconds()
                            + " s of CPU" + (process.isAlive() ? "" : " (exited)") + ": see " + out);
                }
                Thread.sleep(200);
            }
        }

        void startRun() {
            sampleCpu();
            cpuAtRun = cpu;
        }

        /** CPU time since {@link #startRun()}. */
        Duration runCpu() {
            return cpu.minus(cpuAtRun);
        }

        /** SIGTERM, then waits for the exit (a worker with nothing running stops at once). */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        }
    }

    private static final Pattern DEFAULT_URL = Pattern.compile("url: jdbc:h2:file:\\S*/consolesensei(;\\S*)");

    /**
     * The product's embedded database URL for {@code db}: application.yml's default with its settings
     * ({@code AUTO_SERVER} and the rest), at {@code db}; {@code -Dbench.h2=";KEY=VALUE"} appends H2 settings to
     * compare (e.g. {@code ;WRITE_DELAY=0}).
     */
    static String h2Url(Path db) throws IOException {
        try (InputStream yml = AuditBenchmark.class.getResourceAsStream("/application.yml")) {
            Matcher m = DEFAULT_URL.matcher(new String(yml.readAllBytes(), StandardCharsets.UTF_8));
            if (!m.find()) throw new IllegalStateException("application.yml names no default H2 file URL");
            return "jdbc:h2:file:" + db.toAbsolutePath() + m.group(1) + System.getProperty("bench.h2", "");
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    /**
     * {peak occupancy, live set} in MiB from a {@code -Xlog:gc} file: the largest heap occupancy before
     * any collection, and the largest occupancy a full collection left (what was really reachable then),
     * or -1 when G1 never needed a full collection.
     */
    static long[] peakHeap(Path gcLog) throws IOException {
        if (!Files.exists(gcLog)) return new long[] {-1, -1};
        long before = 0, full = -1;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC.matcher(line);
            if (!m.find()) continue;
            before = Math.max(before, Long.parseLong(m.group(1)));
            if (line.contains("Pause Full")) full = Math.max(full, Long.parseLong(m.group(2)));
        }
        return new long[] {before, full};
    }

    static long records(Path csv) throws IOException {
        if (!Files.exists(csv)) return -1;
        try (Reader r = Files.newBufferedReader(csv)) {
            long n = 0;
            for (CSVRecord ignored : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) n++;
            return n;
        }
    }

    private static void deleteDb(Path db) throws IOException {
        for (String ext : List.of(".mv.db", ".trace.db")) {
            Files.deleteIfExists(Path.of(db + ext));
        }
    }

    /** The report of one run, as printed and as recorded in docs/benchmark.md. */
    public static String describe(Result r, Optional<Double> maxRatio, Optional<Long> maxHeapMiB) {
        StringBuilder s = new StringBuilder();
        FakeAwsServer.Stats st = r.stats();
        s.append("estate: ").append(r.spec()).append('\n');
        s.append(String.format(java.util.Locale.ROOT, "options: latency %d ms, concurrency %d (per account %d), rate limit %s/s per account, heap %s%n",
                r.options().latencyMs(), r.options().concurrency(), r.options().perAccount(),
                r.options().ratePerSecond() > 0 ? Double.toString(r.options().ratePerSecond()) : "none",
                r.options().jar() == null ? "in-process" : "-Xmx" + r.options().xmx()));
        s.append("API calls by operation:\n");
        st.byOperation().forEach((k, v) -> s.append(String.format(java.util.Locale.ROOT, "  %-48s %,10d%n", k, v)));
        s.append(String.format(java.util.Locale.ROOT, "calls %,d (answered %,d, throttled %,d); plan %d; critical path %,d calls;"
                        + " busiest account %,d calls%n", st.calls(), r.answeredCalls(), st.throttled(), st.planCalls(),
                st.criticalPathCalls(), st.busiestAccountCalls()));
        if (!st.unknown().isEmpty()) s.append("UNANSWERED operations: ").append(st.unknown()).append('\n');
        double wall = r.wall().toMillis() / 1000.0;
        if (r.floorSeconds() > 0) {
            s.append(String.format(java.util.Locale.ROOT, "wall %.1f s; floor %.1f s; wall/floor %.2f%s%n", wall, r.floorSeconds(),
                    r.ratio(), maxRatio.map(m -> r.ratio() <= m ? "  (target <= " + m + ": MET)" : "  (target <= " + m + ": MISSED)")
                            .orElse("")));
        } else {
            s.append(String.format(java.util.Locale.ROOT, "wall %.1f s; no floor without latency (latency=0)%n", wall));
        }
        s.append(String.format(java.util.Locale.ROOT, "exit code %d; findings %,d (%.0f/s); coverage gaps %d%s%n", r.exitCode(),
                r.findings(), r.findings() / wall, r.gaps(), r.gaps() == 0 && r.exitCode() == 0 ? "  (zero failed calls: MET)"
                        : "  (zero failed calls: MISSED)"));
        if (r.peakHeapMiB() >= 0) {
            s.append(String.format(java.util.Locale.ROOT, "peak heap %d MiB (live after full GC: %s)%s; CPU %s%n", r.peakHeapMiB(),
                    r.peakLiveMiB() < 0 ? "no full GC" : r.peakLiveMiB() + " MiB", maxHeapMiB.map(m -> r.peakHeapMiB() <= m ? "  (target <= " + m + " MiB: MET)"
                            : "  (target <= " + m + " MiB: MISSED)").orElse(""),
                    r.cpu() == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f s (%.0f%% of one core)",
                            r.cpu().toMillis() / 1000.0, 100.0 * r.cpu().toMillis() / r.wall().toMillis())));
        }
        if (!r.steps().isEmpty()) {
            s.append(r.workerCpu().isEmpty() ? "steps (wall / CPU of the audited JVM):"
                    : "steps (wall / CPU of the manager; collect's CPU includes the workers' during the run):");
            r.steps().forEach((k, v) -> s.append(String.format(java.util.Locale.ROOT, " %s %.1f s / %.1f s;", k, v[0] / 1000.0,
                    v[1] / 1000.0)));
            s.append('\n');
        }
        BaselineReplay.Result b = r.baseline();
        s.append(String.format(java.util.Locale.ROOT, "baseline (the audit's calls replayed by a bare SDK loop, concurrency %d, %d per"
                        + " account): %,d calls (%,d of %,d recorded ones identical), %,d error answers; CPU %.1f s, wall %.1f s%n",
                r.options().concurrency(), r.options().perAccount(), b.calls(), r.replayed()[1], r.replayed()[0], b.errors(),
                b.cpuMs() / 1000.0, b.wallMs() / 1000.0));
        if (r.baselineRatio() > 0) {
            long[] report = r.steps().get("report");
            s.append(String.format(java.util.Locale.ROOT, "collect CPU %.1f s / baseline CPU %.1f s = %.2f%s; whole run CPU %.1f s;"
                            + " report step %s%n", r.collectCpuMs() / 1000.0, b.cpuMs() / 1000.0, r.baselineRatio(),
                    r.baselineRatio() <= MAX_BASELINE_RATIO ? "  (target <= " + MAX_BASELINE_RATIO + ": MET)"
                            : "  (target <= " + MAX_BASELINE_RATIO + ": MISSED)",
                    r.cpu() == null ? -1 : r.cpu().toMillis() / 1000.0,
                    report == null ? "n/a" : String.format(java.util.Locale.ROOT, "wall %.1f s, CPU %.1f s", report[0] / 1000.0,
                            report[1] / 1000.0)));
        }
        if (!r.workerCpu().isEmpty()) {
            s.append(String.format(java.util.Locale.ROOT, "remote: %d worker JVMs (CPU during the run %s) and the manager (CPU %.1f s)%n",
                    r.workerCpu().size(), r.workerCpu().stream().map(c -> String.format(java.util.Locale.ROOT, "%.1f s",
                            c.toMillis() / 1000.0)).toList(), (r.cpu().toMillis()
                            - r.workerCpu().stream().mapToLong(Duration::toMillis).sum()) / 1000.0));
        }
        r.summary().forEach(l -> s.append("run summary: ").append(l).append('\n'));
        if (r.cpu() != null) {
            s.append(String.format(java.util.Locale.ROOT, "fake AWS CPU %.1f s; CPU bound (audited + fake AWS CPU / %d cores) %.1f s;"
                            + " wall / CPU bound %.2f%n", r.fakeCpu().toMillis() / 1000.0, Runtime.getRuntime().availableProcessors(),
                    r.cpuBoundSeconds(), wall / r.cpuBoundSeconds()));
        }
        return s.toString();
    }
}
