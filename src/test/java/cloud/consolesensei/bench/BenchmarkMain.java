package cloud.consolesensei.bench;

import cloud.consolesensei.aws.AwsSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The benchmark's command line ({@code ./mvnw -B -o -Pbench verify -Dbench.args="..."}, see docs/benchmark.md).
 * <p>
 * Arguments: a mode, then {@code key=value} options.
 * <ul>
 *   <li>{@code audit}: serve a synthetic estate and audit it with the packaged jar in a child JVM;</li>
 *   <li>{@code report}: write the workbook and CSV of {@code findings} synthetic findings in a child JVM;</li>
 *   <li>{@code usage}: what the usage checks add: a small estate ({@link EstateSpec#small()} unless sized) audited
 *   {@code runs} (3) times with {@code ec2.instance_idle} and {@code ebs.volume_idle} on and as often with them off;
 *   GetMetricData and GetProducts calls exactly, CPU and wall as medians ({@link UsageBenchmark});</li>
 *   <li>{@code all} (default): the three targets: the reference estate, ten times its resources, and 1,000,000 findings.</li>
 * </ul>
 * {@code workers=N} (audit mode): remote partitioning, a manager and N {@code worker} JVMs on this machine, over
 * RabbitMQ at 127.0.0.1:5672 ({@code rabbit=host:port}) and PostgreSQL ({@code db=jdbc:postgresql://127.0.0.1:5432/test},
 * {@code db-user=postgres}), in a fresh schema dropped afterwards.
 * Options (defaults = the reference estate): {@code accounts=100 regions=3 instances=500 volumes=1000 snapshots=2000
 * buckets=100 users=300 roles=300 months=6 seed=42 scale=1} (multiplies the per-account resources),
 * {@code latency=30} (ms per call), {@code concurrency per-account} (the product's defaults), {@code rate=100} (calls/s per account, 0 = none),
 * {@code xmx=512m}, {@code findings=1000000 report-xmx=384m}, {@code jar=target/consolesensei.jar},
 * {@code work=target/bench}. Results are printed and appended to {@code <work>/results.md}.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] argv) throws Exception {
        String mode = argv.length > 0 && !argv[0].contains("=") ? argv[0] : "all";
        Map<String, String> o = new HashMap<>();
        for (String a : argv) {
            int eq = a.indexOf('=');
            if (eq > 0) o.put(a.substring(0, eq), a.substring(eq + 1));
        }
        Path work = Path.of(o.getOrDefault("work", "target/bench"));
        Path jar = Path.of(o.getOrDefault("jar", "target/consolesensei.jar"));
        Files.createDirectories(work);
        EstateSpec ref = mode.equals("usage") ? EstateSpec.small() : EstateSpec.reference();
        EstateSpec spec = new EstateSpec(num(o, "seed", ref.seed()), (int) num(o, "accounts", ref.accounts()),
                (int) num(o, "regions", ref.regions()), (int) num(o, "instances", ref.instances()),
                (int) num(o, "volumes", ref.volumes()), (int) num(o, "snapshots", ref.snapshots()),
                (int) num(o, "buckets", ref.buckets()), (int) num(o, "users", ref.users()),
                (int) num(o, "roles", ref.roles()), (int) num(o, "months", ref.months()))
                .times((int) num(o, "scale", 1));
        // usage mode measures calls and CPU, not the floor: little latency, no rate limit unless asked
        long latency = num(o, "latency", mode.equals("usage") ? 5 : 30);
        // the product's defaults unless told otherwise: what a user who sets nothing gets
        int concurrency = (int) num(o, "concurrency", AwsSettings.defaults().concurrency());
        int perAccount = (int) num(o, "per-account", AwsSettings.defaults().concurrencyPerAccount());
        double rate = Double.parseDouble(o.getOrDefault("rate", mode.equals("usage") ? "0" : "100"));
        String xmx = o.getOrDefault("xmx", "512m");
        long maxHeap = mib(xmx);
        int exit = 0;
        int workers = (int) num(o, "workers", 0);
        // each run of the usage mode starts from an empty database (no cached price): one H2 file per run
        if (workers > 0 && !mode.equals("audit")) throw new IllegalArgumentException("workers=N applies to the audit mode only");
        try (RemoteDatabase remote = workers > 0 ? RemoteDatabase.create(o) : null) {
            AuditBenchmark.Deployment deployment = remote == null ? AuditBenchmark.Deployment.local() : remote.deployment(workers);
            switch (mode) {
                // without latency there is no floor to compare with: only memory and failures are judged
                case "audit" -> exit |= audit(spec, new AuditBenchmark.Options(latency, concurrency, perAccount, rate, jar, xmx,
                        work.resolve(workers > 0 ? "audit-remote" : "audit")), deployment, work,
                        latency > 0 ? Optional.of(1.5) : Optional.empty(), maxHeap);
                case "usage" -> exit |= usage(spec, new AuditBenchmark.Options(latency, concurrency, perAccount, rate, jar, xmx,
                        work.resolve(workers > 0 ? "usage-remote" : "usage")), deployment, work, (int) num(o, "runs", 3));
                case "report" -> exit |= report(work, o);
                case "all" -> {
                    exit |= audit(spec, new AuditBenchmark.Options(latency, concurrency, perAccount, rate, jar, xmx,
                            work.resolve("audit")), deployment, work, Optional.of(1.5), maxHeap);
                    // ten times the resources: memory must stay flat (time is not a target here, so no latency)
                    exit |= audit(spec.times(10), new AuditBenchmark.Options(0, concurrency, perAccount, 0, jar, xmx,
                            work.resolve("audit-x10")), deployment, work, Optional.empty(), maxHeap);
                    exit |= report(work, o);
                }
                default -> throw new IllegalArgumentException("mode: audit, usage, report or all; got " + mode);
            }
        }
        System.exit(exit);
    }

    private static int audit(EstateSpec spec, AuditBenchmark.Options options, AuditBenchmark.Deployment deployment, Path work,
                             Optional<Double> maxRatio, long maxHeap) throws Exception {
        System.out.println("== audit benchmark" + (deployment.workers() > 0 ? " (remote: manager + " + deployment.workers()
                + " workers)" : "") + ": " + spec + "; load average " + UsageBenchmark.loadAverage());
        AuditBenchmark.Result r = AuditBenchmark.run(spec, options, deployment);
        String text = AuditBenchmark.describe(r, maxRatio, Optional.of(maxHeap));
        System.out.println(text);
        record(work, "audit", text);
        boolean ok = r.exitCode() == 0 && r.gaps() == 0 && r.peakHeapMiB() <= maxHeap
                && maxRatio.map(m -> r.ratio() <= m && r.baselineRatio() <= AuditBenchmark.MAX_BASELINE_RATIO).orElse(true);
        return ok ? 0 : 4;
    }

    private static int usage(EstateSpec spec, AuditBenchmark.Options options, AuditBenchmark.Deployment deployment, Path work,
                             int runs) throws Exception {
        System.out.println("== usage benchmark: " + spec + "; " + runs + " runs with the usage checks on, " + runs + " off");
        UsageBenchmark.Side[] sides = UsageBenchmark.run(spec, options, deployment, runs);
        String text = UsageBenchmark.describe(spec, options, sides[0], sides[1]) + "load average after: "
                + UsageBenchmark.loadAverage() + "\n";
        System.out.println(text);
        record(work, "usage", text);
        return UsageBenchmark.clean(sides) ? 0 : 4;
    }

    private static int report(Path work, Map<String, String> o) throws Exception {
        long n = num(o, "findings", 1_000_000);
        String xmx = o.getOrDefault("report-xmx", "384m");
        System.out.println("== report benchmark: " + n + " findings, -Xmx" + xmx);
        ReportBenchmark.Result r = ReportBenchmark.run(n, xmx, work.resolve("report"));
        String text = r.describe(60, mib(xmx));
        System.out.println(text);
        record(work, "report", text);
        return r.met(60, mib(xmx)) ? 0 : 4;
    }

    private static void record(Path work, String kind, String text) throws Exception {
        Files.writeString(work.resolve("results.md"), "### " + kind + " " + java.time.Instant.now() + "\n```\n" + text
                + "```\n\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static long num(Map<String, String> o, String k, long def) {
        return o.containsKey(k) ? Long.parseLong(o.get(k).replace("_", "")) : def;
    }

    /** MiB of a JVM size such as {@code 512m} or {@code 1g}. */
    static long mib(String size) {
        String s = size.toLowerCase();
        long v = Long.parseLong(s.replaceAll("[^0-9]", ""));
        return s.endsWith("g") ? v * 1024 : s.endsWith("k") ? v / 1024 : v;
    }
}
