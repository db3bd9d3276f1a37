package cloud.consolesensei.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Deterministic fault injection in front of every stub: the first attempt(s) of a chosen share of
 * API calls fail (throttling in each protocol's own error shape, a 5xx, a connection reset, or an
 * answer slower than the client's read timeout), later attempts get the stub's real answer.
 * <p>
 * Which calls fail, how, and how many times is decided by a CRC32 of the call (method, path, query,
 * body, X-Amz-Target and the SigV4 key/region/service, not the signature or date) and by the SDK's
 * attempt counter ({@code amz-sdk-request: attempt=N}): the same run gets the same faults whatever the
 * thread interleaving, and a retry of a failed attempt gets through once its failures are spent.
 * A {@link #storm} fails every attempt of the calls it matches (past any retry budget).
 */
public final class FaultInjector implements ResponseDefinitionTransformerV2 {

    private static final Pattern SCOPE = Pattern.compile("Credential=([^/]+)/\\d{8}/([^/]+)/([^/]+)/aws4_request");
    private static final Pattern ATTEMPT = Pattern.compile("attempt=(\\d+)");

    private volatile int throttlePercent;
    private volatile int serverErrorPercent;
    private volatile int resetPercent;
    private volatile int slowPercent;
    private volatile int slowMillis;
    private volatile Predicate<Request> storm = r -> false;
    private final Map<String, AtomicInteger> injected = new ConcurrentHashMap<>();
    private final Map<Protocol, java.util.Queue<String>> unseen = new java.util.EnumMap<>(Protocol.class);

    public FaultInjector() {
        for (Protocol p : Protocol.values()) unseen.put(p, new java.util.concurrent.ConcurrentLinkedQueue<>(throttlingCodes(p)));
    }

    @Override
    public String getName() {
        return "fault-injector";
    }

    /**
     * Faults on the first attempts of this share of calls (percent each; the shares do not overlap).
     *
     * @param slowMillis how late a "slow" answer comes (beyond the client's read timeout)
     */
    public FaultInjector shares(int throttle, int serverError, int reset, int slow, int slowMillis) {
        this.throttlePercent = throttle;
        this.serverErrorPercent = serverError;
        this.resetPercent = reset;
        this.slowPercent = slow;
        this.slowMillis = slowMillis;
        return this;
    }

    /** Every attempt of a request {@code matching} is throttled. */
    public FaultInjector storm(Predicate<Request> matching) {
        this.storm = matching;
        return this;
    }

    /** How many faults of each kind were injected ("throttle ec2 RequestLimitExceeded" -> n). */
    public Map<String, Integer> injected() {
        Map<String, Integer> m = new java.util.TreeMap<>();
        injected.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request r = event.getRequest();
        ResponseDefinition real = event.getResponseDefinition();
        Protocol p = Protocol.of(r);
        if (storm.test(r)) return throttle(p, 0);
        long h = hash(r);
        int bucket = (int) (h % 100);
        int failures = (int) ((h / 100) % 2) + 1;  // one or two failed attempts, then the real answer
        if (attempt(r) > failures) return real;
        int t = throttlePercent;
        if (t > 0 && attempt(r) == 1 && bucket >= t + serverErrorPercent + resetPercent + slowPercent) {
            // each throttling code of the protocol at least once, on first attempts the shares spared
            String code = unseen.get(p).poll();
            if (code != null) return throttle(p, code);
        }
        int s = t + serverErrorPercent, c = s + resetPercent, w = c + slowPercent;
        if (bucket < t) return throttle(p, (int) (h / 1000));
        if (bucket < s) return serverError(p);
        if (bucket < c) {
            count("reset " + p);
            return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        if (bucket < w) {
            count("slow " + p);
            return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.like(real).withFixedDelay(slowMillis).build();
        }
        return real;
    }

    /** The SigV4-signed identity of a request: access key id, region, service. */
    public static String[] scope(Request r) {
        String auth = r.getHeader("Authorization");
        Matcher m = auth == null ? null : SCOPE.matcher(auth);
        return m != null && m.find() ? new String[] {m.group(1), m.group(2), m.group(3)} : new String[] {"", "", ""};
    }

    private static int attempt(Request r) {
        String h = r.getHeader("amz-sdk-request");
        Matcher m = h == null ? null : ATTEMPT.matcher(h);
        return m != null && m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    private static long hash(Request r) {
        String[] s = scope(r);
        CRC32 crc = new CRC32();
        crc.update((r.getMethod() + " " + r.getUrl() + " " + r.getBodyAsString() + " " + r.getHeader("X-Amz-Target")
                + " " + String.join("/", s)).getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /** The throttling codes each protocol's services answer with. */
    static List<String> throttlingCodes(Protocol p) {
        return switch (p) {
            case EC2 -> List.of("RequestLimitExceeded");
            case QUERY -> List.of("Throttling", "ThrottlingException", "TooManyRequestsException", "RequestLimitExceeded");
            case S3 -> List.of("SlowDown");
            case JSON -> List.of("LimitExceededException", "ThrottlingException", "TooManyRequestsException");
        };
    }

    private ResponseDefinition throttle(Protocol p, int pick) {
        List<String> codes = throttlingCodes(p);
        return throttle(p, codes.get(Math.floorMod(pick, codes.size())));
    }

    private ResponseDefinition throttle(Protocol p, String code) {
        count("throttle " + p + " " + code);
        return switch (p) {
            case EC2 -> error(p, 503, code, "Request limit exceeded.");
            case QUERY -> error(p, 400, code, "Rate exceeded");
            case S3 -> error(p, 503, code, "Please reduce your request rate.");
            case JSON -> error(p, 400, code, "Rate exceeded");
        };
    }

    private ResponseDefinition serverError(Protocol p) {
        count("5xx " + p);
        return switch (p) {
            case EC2 -> error(p, 503, "Unavailable", "The server is overloaded and can't handle the request.");
            case QUERY -> error(p, 500, "InternalFailure", "Internal failure");
            case S3 -> error(p, 500, "InternalError", "We encountered an internal error. Please try again.");
            case JSON -> error(p, 500, "InternalServerException", "oops");
        };
    }

    /** The error answer of {@code p}'s wire shape (files {@code aws/ec2/error.xml}, {@code aws/query/error.xml}, ...). */
    private static ResponseDefinition error(Protocol p, int status, String code, String message) {
        String requestId = "0c7a1c36-3d3b-4d6a-9b8a-EXAMPLE";
        return (switch (p) {
            case EC2 -> AwsTemplate.of("ec2/error.xml").answer(status, AwsWire.XML, "code", code, "message", message,
                    "requestId", requestId);
            case QUERY -> AwsTemplate.of("query/error.xml").answer(status, AwsWire.XML, "type", status >= 500 ? "Receiver"
                    : "Sender", "code", code, "message", message, "requestId", requestId);
            case S3 -> AwsTemplate.of("s3/error-service.xml").answer(status, "application/xml", "code", code, "message", message,
                    "requestId", "4442587FB7D0A2F9");
            case JSON -> AwsTemplate.of("json/error.json").answer(status, AwsWire.JSON_11, "type", code, "message", message);
        }).build();
    }

    private void count(String what) {
        injected.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    /** The four wire shapes of AWS errors. */
    public enum Protocol {
        EC2, QUERY, S3, JSON;

        static Protocol of(Request r) {
            if (r.getHeader("X-Amz-Target") != null) return JSON;
            String service = scope(r)[2];
            if (service.equals("ec2")) return EC2;
            if (r.getBodyAsString().contains("Action=")) return QUERY;
            return S3;
        }
    }
}
