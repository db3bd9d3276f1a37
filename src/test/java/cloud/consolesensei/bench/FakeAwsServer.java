package cloud.consolesensei.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTTP server standing in for every AWS endpoint the audit calls, answering from a
 * {@link SyntheticEstate} generated on the fly (nothing is held per resource). The real SDK reaches
 * it through {@code aws.endpointUrl}.
 * <ul>
 *   <li>Accounts are told apart by the SigV4 access key ({@code Credential=KEY/date/region/service/...}):
 *       AssumeRole hands out {@code ASIABENCH<account id>}; regions and services by the credential scope.</li>
 *   <li>Every answer waits {@code latencyMs} first (the AWS round trip).</li>
 *   <li>A token bucket per account ({@code ratePerSecond}, burst of one second) answers calls over the rate
 *       with each service's throttling error: EC2 {@code RequestLimitExceeded} (503), IAM, STS and Auto Scaling
 *       {@code Throttling} (400), S3 {@code SlowDown} (503), Cost Explorer {@code LimitExceededException} (400).</li>
 *   <li>It counts calls by operation and by partition (account and region, or {@code global} for IAM, S3 and
 *       Cost Explorer), throttled calls, and operations it does not know (which it answers with a 400).</li>
 *   <li>While recording ({@link #startRecording()}), it keeps every answered call as a {@link RecordedCall}:
 *       what the baseline ({@link BaselineReplay}) replays with the bare SDK.</li>
 * </ul>
 */
public final class FakeAwsServer implements AutoCloseable {

    /** Base credentials the audited process uses to assume each account's role. */
    public static final String BASE_KEY = "AKIDBENCHBASE0000001";
    public static final String BASE_SECRET = "bench/base/secret/not-a-real-one-00000001";
    /** Prefix of the per-account session keys AssumeRole hands out. */
    static final String ROLE_KEY_PREFIX = "ASIABENCH";

    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/\\d{8}/([^/]+)/([^/]+)/aws4_request");

    private final HttpServer http;
    private final ExecutorService pool;
    private final SyntheticEstate estate;
    private final long latencyMs;
    private final double ratePerSecond;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byPartition = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byAccount = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> unknown = new ConcurrentHashMap<>();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder calls = new LongAdder();
    private final LongAdder planCalls = new LongAdder();
    private final AtomicLong firstAuditCall = new AtomicLong();
    private volatile ConcurrentLinkedQueue<RecordedCall> recording;

    /**
     * Starts the server on a free loopback port.
     *
     * @param threads       handler threads (at least the client's concurrency, so no call queues here)
     * @param ratePerSecond per-account request rate before throttling; 0 = unlimited
     */
    public FakeAwsServer(SyntheticEstate estate, long latencyMs, double ratePerSecond, int threads) throws IOException {
        this.estate = estate;
        this.latencyMs = latencyMs;
        this.ratePerSecond = ratePerSecond;
        // The JDK server writes a response's headers and body separately; without TCP_NODELAY, Nagle's
        // algorithm holds the body until the client's delayed ACK (40 ms on Linux) on every call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fake-aws");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(pool);
        http.createContext("/", this::handle);
        http.start();
    }

    /** Base URL for {@code aws.endpointUrl}. */
    public String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /**
     * What one AWS request looked like to the server.
     *
     * @param headers the request's {@code x-amz-*} headers other than the signature's, names in lower case
     */
    record Call(String method, String path, Map<String, String> query, Map<String, String> form, String body,
                String key, String region, String service, String target, String accountHeader,
                Map<String, String> headers) {

        String param(String name) {
            String v = form.get(name);
            return v != null ? v : query.get(name);
        }
    }

    /** An answer: status, content type, body and extra headers. */
    record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Answer of(int status, String contentType, String body) {
            return new Answer(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] raw;
            try (InputStream in = ex.getRequestBody()) {
                raw = in.readAllBytes();
            }
            String body = new String(raw, StandardCharsets.UTF_8);
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            Matcher m = auth == null ? null : CREDENTIAL.matcher(auth);
            String key = null, region = "us-east-1", service = "unknown";
            if (m != null && m.find()) {
                key = m.group(1);
                region = m.group(2);
                service = m.group(3);
            }
            String contentType = ex.getRequestHeaders().getFirst("Content-Type");
            Map<String, String> form = contentType != null && contentType.startsWith("application/x-www-form-urlencoded")
                    ? decode(body) : Map.of();
            Call call = new Call(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                    decode(ex.getRequestURI().getRawQuery()), form, body, key, region, service,
                    ex.getRequestHeaders().getFirst("X-Amz-Target"), ex.getRequestHeaders().getFirst("x-amz-account-id"),
                    amzHeaders(ex));
            Answer answer = answer(call);
            if (latencyMs > 0) Thread.sleep(latencyMs);
            for (Map.Entry<String, String> h : answer.headers().entrySet()) ex.getResponseHeaders().add(h.getKey(), h.getValue());
            ex.getResponseHeaders().add("Content-Type", answer.contentType());
            ex.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
            ex.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(answer.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            count(unknown, "exception " + e);
            byte[] b = ("<Error><Code>InternalError</Code><Message>" + e + "</Message></Error>").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(500, b.length);
            ex.getResponseBody().write(b);
        }
    }

    private static final List<String> SIGNATURE_HEADERS = List.of("x-amz-date", "x-amz-security-token",
            "x-amz-content-sha256", "x-amz-target", "x-amz-user-agent");

    /** The request's own {@code x-amz-*} headers (e.g. S3 Control's {@code x-amz-account-id}), not the signature's. */
    private static Map<String, String> amzHeaders(HttpExchange ex) {
        Map<String, String> out = new TreeMap<>();
        ex.getRequestHeaders().forEach((k, v) -> {
            String name = k.toLowerCase(Locale.ROOT);
            if (name.startsWith("x-amz-") && !SIGNATURE_HEADERS.contains(name) && !v.isEmpty()) out.put(name, v.get(0));
        });
        return out;
    }

    /** Starts keeping every answered call (a fresh recording). */
    public void startRecording() {
        recording = new ConcurrentLinkedQueue<>();
    }

    /** Stops recording and returns what was recorded since {@link #startRecording()}, in arrival order. */
    public List<RecordedCall> stopRecording() {
        ConcurrentLinkedQueue<RecordedCall> r = recording;
        recording = null;
        return r == null ? List.of() : new ArrayList<>(r);
    }

    private Answer answer(Call call) {
        String account = accountOf(call);
        String operation = SyntheticEstate.operation(call);
        calls.increment();
        count(byOperation, call.service() + ":" + operation);
        boolean sts = "sts".equals(call.service());
        if (!sts) firstAuditCall.compareAndSet(0, System.nanoTime());
        if (sts && firstAuditCall.get() == 0) {
            planCalls.increment();
        } else {
            boolean global = switch (call.service()) {
                case "ec2", "autoscaling", "sts", "monitoring" -> false;
                default -> true;
            };
            // AssumeRole is signed with the base key: it belongs to the account whose role it assumes
            String owner = account != null ? account
                    : call.param("RoleArn") != null ? call.param("RoleArn").split(":")[4] : "base";
            count(byPartition, owner + "|" + (global ? "global" : call.region()));
        }
        if (account != null) {
            count(byAccount, account);
            if (ratePerSecond > 0 && !buckets.computeIfAbsent(account, a -> new TokenBucket(ratePerSecond)).take()) {
                throttled.increment();
                return SyntheticEstate.throttle(call);
            }
        }
        Answer a = estate.answer(call, account);
        if (a == null) {
            count(unknown, call.service() + ":" + operation);
            return SyntheticEstate.unknownOperation(call, operation);
        }
        ConcurrentLinkedQueue<RecordedCall> r = recording;
        if (r != null) r.add(RecordedCall.of(call, account, operation));
        return a;
    }

    /** The audited account a call is made for: from its session key, or null for the base credentials. */
    private String accountOf(Call call) {
        if (call.key() != null && call.key().startsWith(ROLE_KEY_PREFIX)) return call.key().substring(ROLE_KEY_PREFIX.length());
        return null;
    }

    private static void count(Map<String, LongAdder> m, String k) {
        m.computeIfAbsent(k, x -> new LongAdder()).increment();
    }

    static Map<String, String> decode(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    /** What the server saw. */
    public Stats stats() {
        return new Stats(calls.sum(), throttled.sum(), planCalls.sum(), sorted(byOperation), sorted(byPartition),
                sorted(byAccount), sorted(unknown));
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /**
     * Counters of one benchmark run.
     *
     * @param calls       every request, throttled ones included
     * @param throttled   requests answered with a throttling error
     * @param planCalls   STS calls before the first audit call (the plan step, sequential)
     * @param byOperation {@code service:Operation} to calls
     * @param byPartition {@code account|region} (or {@code |global}) to calls, the sequential chain of one partition
     * @param byAccount   account to calls (the rate-limit bound)
     * @param unknown     operations the server could not answer (should be empty)
     */
    public record Stats(long calls, long throttled, long planCalls, Map<String, Long> byOperation,
                        Map<String, Long> byPartition, Map<String, Long> byAccount, Map<String, Long> unknown) {

        /** Calls of the busiest partition: the critical path in sequential calls. */
        public long criticalPathCalls() {
            return byPartition.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }

        /** Calls of the busiest account. */
        public long busiestAccountCalls() {
            return byAccount.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        pool.shutdownNow();
    }

    /** A token bucket holding at most one second of tokens. */
    private static final class TokenBucket {
        private final double rate;
        private double tokens;
        private long last = System.nanoTime();

        TokenBucket(double rate) {
            this.rate = rate;
            this.tokens = rate;
        }

        synchronized boolean take() {
            long now = System.nanoTime();
            tokens = Math.min(rate, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens < 1) return false;
            tokens -= 1;
            return true;
        }
    }
}
