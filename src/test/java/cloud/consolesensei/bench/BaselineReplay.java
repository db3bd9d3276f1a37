package cloud.consolesensei.bench;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsSettings;
import cloud.consolesensei.aws.SdkAwsClients;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.management.OperatingSystemMXBean;

import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.budgets.BudgetsClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.invoicing.InvoicingClient;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.sts.StsClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline of the CPU target: the audit's own AWS calls (recorded by {@link FakeAwsServer}) made
 * again by a plain loop over the same SDK clients, built by the product's client factory
 * ({@link SdkAwsClients}: the same Apache HTTP client and pool, retry strategy, role sessions per account
 * and region), with the audit's concurrency (partitions on that many threads, at most {@code perAccount}
 * of one account at once, each partition's calls in their recorded order), every answer discarded.
 * <p>
 * Run as {@code java -cp ... BaselineReplay <calls.jsonl> <concurrency> <perAccount>} in a JVM of its own,
 * it prints one line {@code baseline calls=N errors=E skipped=S cpu=Xms wall=Yms}: the CPU time (user +
 * system) the JVM used from the first call to the last (requests are rebuilt from the recording before
 * the clock starts). Calls signed with the base credentials (the plan step's AssumeRole) are skipped: the
 * clients' role credential providers make their own.
 */
public final class BaselineReplay {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LINE = Pattern.compile(
            "baseline calls=(\\d+) errors=(\\d+) skipped=(\\d+) cpu=(-?\\d+)ms wall=(\\d+)ms");

    /**
     * What one replay did.
     *
     * @param calls   calls made (the SDK's retries not counted)
     * @param errors  calls answered with an AWS error (the same 404s the audit gets, e.g. no bucket policy)
     * @param skipped recorded calls not replayed (base credentials)
     * @param cpuMs   CPU time of this JVM over the replay, milliseconds (-1 if unknown)
     * @param wallMs  wall time of the replay, milliseconds
     */
    public record Result(long calls, long errors, long skipped, long cpuMs, long wallMs) {

        String line() {
            return "baseline calls=" + calls + " errors=" + errors + " skipped=" + skipped + " cpu=" + cpuMs + "ms wall="
                    + wallMs + "ms";
        }

        /** The result a replay printed, from its output. */
        static Result parse(String output) {
            Matcher m = LINE.matcher(output);
            if (!m.find()) throw new IllegalStateException("the baseline printed no result line:\n" + output);
            return new Result(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)), Long.parseLong(m.group(5)));
        }
    }

    /** Which of the factory's clients serves a call. */
    private interface ClientGetter {
        Object get(SdkAwsClients clients, AccountTarget account, String region);
    }

    private record Client(Class<?> type, ClientGetter get) {
    }

    private record Prepared(AccountTarget account, String region, Client client, WireRequests.Invocation invocation) {
    }

    private BaselineReplay() {
    }

    public static void main(String[] args) throws Exception {
        Result r = replay(read(Path.of(args[0])), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        System.out.println(r.line());
    }

    /** Writes a recording, one JSON object per line. */
    static void write(List<RecordedCall> calls, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (RecordedCall c : calls) {
                w.write(JSON.writeValueAsString(c));
                w.newLine();
            }
        }
    }

    static List<RecordedCall> read(Path file) throws IOException {
        List<RecordedCall> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) out.add(JSON.readValue(line, RecordedCall.class));
            }
        }
        return out;
    }

    /** Replays {@code calls} against the endpoint the SDK is configured for ({@code aws.endpointUrl}). */
    public static Result replay(List<RecordedCall> calls, int concurrency, int perAccount) throws InterruptedException {
        Map<String, AccountTarget> accounts = new ConcurrentHashMap<>();
        Map<String, List<Prepared>> partitions = new LinkedHashMap<>();
        long skipped = 0;
        for (RecordedCall c : calls) {
            if (c.account() == null) {
                skipped++;
                continue;
            }
            AccountTarget a = accounts.computeIfAbsent(c.account(), id -> new AccountTarget(id, null,
                    "arn:aws:iam::" + id + ":role/audit", null, List.of(), null, null, null));
            Client client = client(c);
            partitions.computeIfAbsent(c.partition(), k -> new ArrayList<>())
                    .add(new Prepared(a, c.region(), client, WireRequests.of(c, client.type())));
        }
        AwsSettings d = AwsSettings.defaults();
        AwsSettings settings = new AwsSettings(d.retryMode(), d.maxAttempts(), concurrency, perAccount, d.connectTimeout(),
                d.readTimeout(), d.roleSessionDuration(), d.stsHomeRegion(), d.retryBaseDelay());
        LongAdder made = new LongAdder(), errors = new LongAdder();
        Map<String, Semaphore> perAccountSlots = new ConcurrentHashMap<>();
        long cpu0 = processCpuNanos(), wall0 = System.nanoTime();
        try (SdkAwsClients clients = new SdkAwsClients(settings)) {
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            for (List<Prepared> partition : partitions.values()) {
                pool.execute(() -> {
                    Semaphore slots = perAccountSlots.computeIfAbsent(partition.get(0).account().id(), k -> new Semaphore(perAccount));
                    slots.acquireUninterruptibly();
                    try {
                        for (Prepared p : partition) {
                            made.increment();
                            try {
                                p.invocation().method().invoke(p.client().get().get(clients, p.account(), p.region()),
                                        p.invocation().request());
                            } catch (InvocationTargetException e) {
                                errors.increment();
                            } catch (IllegalAccessException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    } finally {
                        slots.release();
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(6, TimeUnit.HOURS)) throw new IllegalStateException("replay did not finish");
        }
        long cpu = processCpuNanos();
        return new Result(made.sum(), errors.sum(), skipped, cpu < 0 ? -1 : (cpu - cpu0) / 1_000_000,
                (System.nanoTime() - wall0) / 1_000_000);
    }

    /** The product's client for a recorded call (its service and the region it was signed for). */
    private static Client client(RecordedCall c) {
        String pkg = WireRequests.modelPackage(c);
        return switch (pkg.substring(pkg.lastIndexOf('.') + 1)) {
            case "ec2" -> new Client(Ec2Client.class, SdkAwsClients::ec2);
            case "autoscaling" -> new Client(AutoScalingClient.class, SdkAwsClients::autoScaling);
            case "sts" -> new Client(StsClient.class, SdkAwsClients::sts);
            case "cloudwatch" -> new Client(CloudWatchClient.class, SdkAwsClients::cloudWatch);
            case "s3" -> new Client(S3Client.class, SdkAwsClients::s3);
            case "s3control" -> new Client(S3ControlClient.class, SdkAwsClients::s3Control);
            case "iam" -> new Client(IamClient.class, (f, a, r) -> f.iam(a));
            case "costexplorer" -> new Client(CostExplorerClient.class, (f, a, r) -> f.costExplorer(a));
            case "budgets" -> new Client(BudgetsClient.class, (f, a, r) -> f.budgets(a));
            case "invoicing" -> new Client(InvoicingClient.class, (f, a, r) -> f.invoicing(a));
            case "pricing" -> new Client(PricingClient.class, (f, a, r) -> f.pricing(a));
            default -> throw new IllegalArgumentException(pkg);
        };
    }

    private static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        return os == null ? -1 : os.getProcessCpuTime();
    }
}
