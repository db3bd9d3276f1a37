package cloud.consolesensei.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * What the usage checks ({@code ec2.instance_idle}, {@code ebs.volume_idle}) add to a run: the same
 * estate audited {@code runs} times with them on and {@code runs} times with them off
 * ({@code checks.<id>.enabled: false}, which requests no metric and no price), alternately so that a
 * change in the machine's load falls on both. Prints the CloudWatch GetMetricData and Price List
 * GetProducts calls exactly (as the fake AWS counted them, and as the run summary printed them), and
 * the medians of the audited JVM's CPU time, the fake AWS's CPU time and the wall time, with their
 * difference. Every run starts from an empty database, so every price is asked (the first run of a
 * month; later runs of the month take them from the cache).
 */
final class UsageBenchmark {

    /** Configuration that turns both usage checks off. */
    static final String OFF = """
              checks:
                ec2:
                  instance_idle:
                    enabled: false
                ebs:
                  volume_idle:
                    enabled: false
            """;

    /**
     * One side's runs.
     *
     * @param on   usage checks on
     * @param runs each run's result
     * @param load the 1-minute load average before each run
     */
    record Side(boolean on, List<AuditBenchmark.Result> runs, List<Double> load) {

        double median(ToDoubleFunction<AuditBenchmark.Result> f) {
            double[] v = runs.stream().mapToDouble(f).sorted().toArray();
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }

        /** Calls of {@code operation} in each run (the same in every run of a deterministic estate). */
        List<Long> calls(String operation) {
            return runs.stream().map(r -> r.calls(operation)).toList();
        }
    }

    private UsageBenchmark() {
    }

    /** Runs the estate {@code runs} times each way, alternating; returns {on, off}. */
    static Side[] run(EstateSpec spec, AuditBenchmark.Options o, AuditBenchmark.Deployment d, int runs)
            throws IOException, InterruptedException {
        Side on = new Side(true, new ArrayList<>(), new ArrayList<>());
        Side off = new Side(false, new ArrayList<>(), new ArrayList<>());
        for (int i = 1; i <= runs; i++) {
            for (Side side : List.of(on, off)) {
                String name = (side.on() ? "usage-on-" : "usage-off-") + i;
                System.out.println("-- " + name + " (load average " + loadAverage() + ")");
                side.load().add(load1());
                AuditBenchmark.Options one = new AuditBenchmark.Options(o.latencyMs(), o.concurrency(), o.perAccount(),
                        o.ratePerSecond(), o.jar(), o.xmx(), o.work().resolve(name));
                AuditBenchmark.Result r = AuditBenchmark.run(spec, one, side.on() ? d : d.withYaml(OFF));
                System.out.printf(Locale.ROOT, "   exit %d, wall %.1f s, CPU %.1f s, fake AWS CPU %.1f s, GetMetricData %d,"
                                + " GetProducts %d, findings %d, gaps %d%n", r.exitCode(), r.wall().toMillis() / 1000.0,
                        seconds(r.cpu()), seconds(r.fakeCpu()), r.calls("monitoring:GetMetricData"),
                        r.calls("pricing:GetProducts"), r.findings(), r.gaps());
                side.runs().add(r);
            }
        }
        return new Side[] {on, off};
    }

    /** True when every run exited 0 without a coverage gap. */
    static boolean clean(Side... sides) {
        for (Side s : sides) {
            for (AuditBenchmark.Result r : s.runs()) if (r.exitCode() != 0 || r.gaps() != 0) return false;
        }
        return true;
    }

    /** The figures, as printed and recorded in docs/benchmark.md. */
    static String describe(EstateSpec spec, AuditBenchmark.Options o, Side on, Side off) {
        StringBuilder s = new StringBuilder();
        AuditBenchmark.Result any = on.runs().get(0);
        s.append("estate: ").append(spec).append('\n');
        s.append(String.format(Locale.ROOT, "options: latency %d ms, concurrency %d (per account %d), heap -Xmx%s, %s; %d runs"
                        + " each way, alternating; %d cores%n", o.latencyMs(), any.options().concurrency(), o.perAccount(),
                o.xmx(), any.workerCpu().isEmpty() ? "one JVM" : any.workerCpu().size() + " workers", on.runs().size(),
                Runtime.getRuntime().availableProcessors()));
        s.append(String.format(Locale.ROOT, "load average (1 min) before the runs: on %s, off %s%n", on.load(), off.load()));
        for (String op : List.of("monitoring:GetMetricData", "pricing:GetProducts")) {
            s.append(String.format(Locale.ROOT, "%-26s on %s, off %s (calls per run)%n", op, on.calls(op), off.calls(op)));
        }
        s.append(String.format(Locale.ROOT, "all API calls              on %s, off %s%n",
                on.runs().stream().map(r -> r.stats().calls()).toList(), off.runs().stream().map(r -> r.stats().calls()).toList()));
        any.summary().stream().filter(l -> !l.startsWith("Cost Explorer")).forEach(l -> s.append("run summary (on): ").append(l).append('\n'));
        off.runs().get(0).summary().stream().filter(l -> !l.startsWith("Cost Explorer"))
                .forEach(l -> s.append("run summary (off): ").append(l).append('\n'));
        figure(s, "audited JVM CPU", on, off, r -> seconds(r.cpu()));
        figure(s, "fake AWS CPU", on, off, r -> seconds(r.fakeCpu()));
        figure(s, "wall", on, off, r -> r.wall().toMillis() / 1000.0);
        figure(s, "findings", on, off, r -> r.findings());
        long metricCalls = on.calls("monitoring:GetMetricData").get(0);
        long priceCalls = on.calls("pricing:GetProducts").get(0);
        double added = on.median(r -> seconds(r.cpu())) - off.median(r -> seconds(r.cpu()));
        if (metricCalls + priceCalls > 0) {
            s.append(String.format(Locale.ROOT, "audited JVM CPU added per usage call (GetMetricData + GetProducts): %.1f ms%n",
                    1000 * added / (metricCalls + priceCalls)));
        }
        return s.toString();
    }

    private static void figure(StringBuilder s, String name, Side on, Side off, ToDoubleFunction<AuditBenchmark.Result> f) {
        List<String> a = on.runs().stream().map(r -> String.format(Locale.ROOT, "%.1f", f.applyAsDouble(r))).toList();
        List<String> b = off.runs().stream().map(r -> String.format(Locale.ROOT, "%.1f", f.applyAsDouble(r))).toList();
        double mOn = on.median(f);
        double mOff = off.median(f);
        s.append(String.format(Locale.ROOT, "%-18s median on %.1f, off %.1f, difference %+.1f (%+.0f %%)   [on %s, off %s]%n",
                name, mOn, mOff, mOn - mOff, mOff == 0 ? 0 : 100 * (mOn - mOff) / mOff, a, b));
    }

    private static double seconds(Duration d) {
        return d == null ? Double.NaN : d.toMillis() / 1000.0;
    }

    /** {@code /proc/loadavg}'s three averages, or "n/a" off Linux. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static double load1() {
        String l = loadAverage();
        return l.equals("n/a") ? Double.NaN : Double.parseDouble(l.split(" ")[0]);
    }
}
