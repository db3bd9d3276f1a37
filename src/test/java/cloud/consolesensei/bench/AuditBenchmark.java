package cloud.consolesensei.bench;

import cloud.consolesensei.ConsoleSensei;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * One audit benchmark run: serves a {@link SyntheticEstate} with {@link FakeAwsServer}, runs
 * {@code consolesensei run} against it (a child JVM from the packaged jar for honest heap and CPU
 * figures, or in this JVM for the smoke test) and measures it against the API floor.
 */
public final class AuditBenchmark {

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
     * What one run measured.
     *
     * @param exitCode     the CLI's exit code (0 = every account and check audited)
     * @param wall         wall time of the whole {@code run} command (JVM start to exit)
     * @param stats        the fake AWS's counters
     * @param findings     rows of the findings CSV
     * @param gaps         rows of the coverage CSV (failed calls that became gaps)
     * @param peakHeapMiB  largest heap occupancy the GC log shows (before a collection), or -1 in-process
     * @param peakLiveMiB  live set estimate ({@link #peakHeap}), or -1
     * @param cpu          CPU time of the child JVM, or null in-process
     * @param fakeCpu      CPU time this JVM (the fake AWS) used during the run
     */
    public record Result(EstateSpec spec, Options options, int exitCode, Duration wall, FakeAwsServer.Stats stats,
                         long findings, long gaps, long peakHeapMiB, long peakLiveMiB, Duration cpu, Duration fakeCpu) {

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

    /** Serves the estate and runs one audit against it. */
    public static Result run(EstateSpec spec, Options o) throws IOException, InterruptedException {
        Files.createDirectories(o.work());
        Path config = o.work().resolve("bench-audit.yml");
        Files.writeString(config, config(spec, o));
        Path reports = o.work().resolve("reports");
        Path db = o.work().resolve("data/consolesensei");
        deleteDb(db);
        try (FakeAwsServer aws = new FakeAwsServer(new SyntheticEstate(spec), o.latencyMs(), o.ratePerSecond(),
                Math.max(64, o.concurrency() * 4))) {
            List<String> args = List.of("run", "--config", config.toString(), "--as-of", AS_OF, "--reports-dir",
                    reports.toString(), "--no-email", "--spring.datasource.url=" + h2Url(db));
            long start = System.nanoTime();
            long fakeCpu0 = processCpuNanos();
            int exit;
            Duration cpu = null;
            Path gcLog = o.work().resolve("gc.log");
            if (o.jar() != null) {
                ChildRun child = child(aws, o, args, gcLog);
                exit = child.exit;
                cpu = child.cpu;
            } else {
                exit = inProcess(aws, args);
            }
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            Duration fakeCpu = Duration.ofNanos(processCpuNanos() - fakeCpu0);
            long[] heap = o.jar() != null ? peakHeap(gcLog) : new long[] {-1, -1};
            Path dir = reports.resolve(AS_OF);
            return new Result(spec, o, exit, wall, aws.stats(), records(dir.resolve("findings-all-" + AS_OF + ".csv")),
                    records(dir.resolve("coverage-all-" + AS_OF + ".csv")), heap[0], heap[1], cpu, fakeCpu);
        }
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

    private record ChildRun(int exit, Duration cpu) {
    }

    private static ChildRun child(FakeAwsServer aws, Options o, List<String> args, Path gcLog)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx" + o.xmx(), "-XX:+UseG1GC",
                "-Xlog:gc:file=" + gcLog.toAbsolutePath()));
        // e.g. -Dbench.jvm="-XX:StartFlightRecording=filename=target/bench/audit.jfr" to profile the audited JVM
        String extra = System.getProperty("bench.jvm", "").strip();
        if (!extra.isEmpty()) cmd.addAll(List.of(extra.split("\\s+")));
        sdkProperties(aws).forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", o.jar().toAbsolutePath().toString()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(o.work().resolve("audit.out").toFile()).start();
        // CPU time is only readable while the process lives: poll it (error < one poll interval)
        Duration cpu = null;
        while (!p.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            cpu = p.info().totalCpuDuration().orElse(cpu);
        }
        return new ChildRun(p.exitValue(), cpu);
    }

    /**
     * The product's embedded database URL (application.yml) for {@code db}; {@code -Dbench.h2=";KEY=VALUE"}
     * appends H2 settings to compare (e.g. {@code ;WRITE_DELAY=0}).
     */
    static String h2Url(Path db) {
        return "jdbc:h2:file:" + db.toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE" + System.getProperty("bench.h2", "");
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
        if (r.cpu() != null) {
            s.append(String.format(java.util.Locale.ROOT, "fake AWS CPU %.1f s; CPU bound (audited + fake AWS CPU / %d cores) %.1f s;"
                            + " wall / CPU bound %.2f%n", r.fakeCpu().toMillis() / 1000.0, Runtime.getRuntime().availableProcessors(),
                    r.cpuBoundSeconds(), wall / r.cpuBoundSeconds()));
        }
        return s.toString();
    }
}
