package cloud.consolesensei.s3;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a bucket policy (IAM policy grammar, IAM User Guide "IAM JSON policy element reference")
 * to tell whether it refuses plain-HTTP requests, the way the AWS S3 User Guide recommends
 * ("Enforce encryption of data in transit") and docs/checks.md spells out: a statement with
 * <ul>
 *   <li>{@code "Effect": "Deny"};</li>
 *   <li>{@code Principal} {@code "*"} or {@code {"AWS": "*"}} ({@code "*"} as a string or in a list);</li>
 *   <li>{@code Action} {@code "s3:*"} or {@code "*"} (string or in a list; action names compared
 *       case-insensitively): a deny of a few actions leaves the others open over HTTP;</li>
 *   <li>{@code Resource} covering every object of the bucket: {@code arn:aws:s3:::<bucket>/*}, alone
 *       or with the bucket ARN, or a wider pattern ({@code arn:aws:s3:::<bucket>*},
 *       {@code arn:aws:s3:::*}, {@code *}; IAM's {@code *} and {@code ?} wildcards): a deny on the
 *       bucket ARN alone, or on a prefix of its objects, leaves the objects open over HTTP;</li>
 *   <li>{@code Condition} {@code Bool} or {@code BoolIfExists} on the key
 *       {@code aws:SecureTransport} (keys and operators compared case-insensitively, as IAM does)
 *       with the value {@code "false"} or {@code false}, alone or in a list, and no other condition
 *       key: a further key narrows the deny to some plain-HTTP requests only.</li>
 * </ul>
 * {@code Statement} may be one object or an array of them. A statement with {@code NotPrincipal},
 * {@code NotAction} or {@code NotResource} is not taken as enforcing TLS.
 */
public final class SecureTransportPolicy {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final List<String> OPERATORS = List.of("bool", "boolifexists");
    private static final String SECURE_TRANSPORT = "aws:securetransport";
    /** The partitions a bucket ARN may name (aws, China, GovCloud). */
    private static final List<String> PARTITIONS = List.of("aws", "aws-cn", "aws-us-gov");

    private SecureTransportPolicy() {
    }

    /**
     * @param policyJson the bucket policy document (GetBucketPolicy's Policy, plain JSON)
     * @param bucket     the bucket's name, whose objects the deny must cover
     * @return TRUE when a statement denies insecure transport, FALSE when none does, UNKNOWN when
     *         the document is not JSON (then nothing can be said about it)
     */
    public static Tri deniesInsecureTransport(String policyJson, String bucket) {
        JsonNode root;
        try {
            root = JSON.readTree(policyJson);
        } catch (JacksonException e) {
            return Tri.UNKNOWN;
        }
        if (root == null || !root.isObject()) return Tri.UNKNOWN;
        return Tri.of(elements(root.get("Statement")).anyMatch(st -> deniesInsecure(st, bucket)));
    }

    private static boolean deniesInsecure(JsonNode st, String bucket) {
        return st.isObject()
                && "Deny".equalsIgnoreCase(text(st.get("Effect")))
                && everyone(st.get("Principal"))
                && elements(st.get("Action")).map(SecureTransportPolicy::text)
                    .anyMatch(a -> "*".equals(a) || "s3:*".equalsIgnoreCase(a))
                && elements(st.get("Resource")).map(SecureTransportPolicy::text)
                    .anyMatch(r -> r != null && coversObjects(r, bucket))
                && insecureTransportCondition(st.get("Condition"));
    }

    /**
     * Whether the ARN pattern {@code pattern} matches the ARN of every object of {@code bucket}
     * ({@code arn:<partition>:s3:::<bucket>/<key>}, keys of one character or more). IAM matches
     * resource ARNs case-sensitively, {@code *} any run of characters, {@code ?} one character.
     */
    static boolean coversObjects(String pattern, String bucket) {
        return PARTITIONS.stream().anyMatch(p -> coversEveryKey(pattern, "arn:" + p + ":s3:::" + bucket + "/"));
    }

    /**
     * Whether {@code pattern} matches {@code prefix} followed by any key. After reading the prefix
     * (a glob's states are pattern positions), a key made of characters the pattern never names
     * defeats every state whose rest has a literal; so the states whose rest is only {@code *} and
     * {@code ?} must accept every key length: a rest with a {@code *} and k {@code ?} accepts
     * lengths k and up, one without accepts exactly k.
     */
    private static boolean coversEveryKey(String pattern, String prefix) {
        Set<Integer> states = closure(pattern, Set.of(0));
        for (char c : prefix.toCharArray()) {
            Set<Integer> next = new HashSet<>();
            for (int i : states) {
                if (i == pattern.length()) continue;
                char p = pattern.charAt(i);
                if (p == '*') next.add(i);
                else if (p == '?' || p == c) next.add(i + 1);
            }
            states = closure(pattern, next);
            if (states.isEmpty()) return false;
        }
        int starFrom = Integer.MAX_VALUE;
        Set<Integer> exact = new HashSet<>();
        for (int i : states) {
            String rest = pattern.substring(i);
            if (!rest.chars().allMatch(ch -> ch == '*' || ch == '?')) continue;
            int k = (int) rest.chars().filter(ch -> ch == '?').count();
            if (rest.indexOf('*') >= 0) starFrom = Math.min(starFrom, k);
            else exact.add(k);
        }
        if (starFrom == Integer.MAX_VALUE) return false;
        for (int n = 1; n < starFrom; n++) {
            if (!exact.contains(n)) return false;
        }
        return true;
    }

    /** The states plus those reached by letting a {@code *} match nothing. */
    private static Set<Integer> closure(String pattern, Set<Integer> states) {
        Set<Integer> out = new HashSet<>(states);
        Deque<Integer> todo = new ArrayDeque<>(states);
        while (!todo.isEmpty()) {
            int i = todo.pop();
            if (i < pattern.length() && pattern.charAt(i) == '*' && out.add(i + 1)) todo.push(i + 1);
        }
        return out;
    }

    private static boolean everyone(JsonNode principal) {
        if (principal == null) return false;
        if (principal.isString()) return "*".equals(principal.asString());
        if (!principal.isObject()) return false;
        JsonNode aws = principal.get("AWS");
        return aws != null && elements(aws).map(SecureTransportPolicy::text).anyMatch("*"::equals);
    }

    private static boolean insecureTransportCondition(JsonNode condition) {
        if (condition == null || !condition.isObject()) return false;
        boolean otherKey = condition.propertyStream()
                .flatMap(op -> op.getValue().isObject() ? op.getValue().propertyStream() : Stream.empty())
                .anyMatch(kv -> !SECURE_TRANSPORT.equals(kv.getKey().toLowerCase(Locale.ROOT)));
        if (otherKey) return false;
        return condition.propertyStream()
                .filter(op -> OPERATORS.contains(op.getKey().toLowerCase(Locale.ROOT)) && op.getValue().isObject())
                .flatMap(op -> op.getValue().propertyStream())
                .filter(kv -> SECURE_TRANSPORT.equals(kv.getKey().toLowerCase(Locale.ROOT)))
                .map(Map.Entry::getValue)
                .flatMap(SecureTransportPolicy::elements)
                .anyMatch(SecureTransportPolicy::isFalse);
    }

    private static boolean isFalse(JsonNode v) {
        return v.isBoolean() ? !v.booleanValue() : v.isString() && "false".equalsIgnoreCase(v.asString().trim());
    }

    /** A node as a stream of its elements: an array's items, or the node itself. */
    private static Stream<JsonNode> elements(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return Stream.empty();
        if (node.isArray()) return StreamSupport.stream(node.spliterator(), false);
        return Stream.of(node);
    }

    private static String text(JsonNode n) {
        return n != null && n.isString() ? n.asString() : null;
    }
}
