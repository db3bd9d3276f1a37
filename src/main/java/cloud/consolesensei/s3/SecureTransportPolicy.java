package cloud.consolesensei.s3;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a bucket policy (IAM policy grammar, IAM User Guide "IAM JSON policy element reference")
 * to tell whether it refuses plain-HTTP requests, the way the AWS S3 User Guide recommends
 * ("Enforce encryption of data in transit"): a statement with
 * <ul>
 *   <li>{@code "Effect": "Deny"};</li>
 *   <li>{@code Principal} {@code "*"} or {@code {"AWS": "*"}} (string or one-element list);</li>
 *   <li>{@code Action} {@code "s3:*"} or {@code "*"} (string or in a list): a deny of a few actions
 *       leaves the others open over HTTP;</li>
 *   <li>{@code Condition} {@code Bool} or {@code BoolIfExists} on the key
 *       {@code aws:SecureTransport} (keys and operators compared case-insensitively, as IAM does)
 *       with the value {@code "false"} or {@code false}, alone or in a list.</li>
 * </ul>
 * {@code Statement} may be one object or an array of them.
 */
public final class SecureTransportPolicy {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final List<String> OPERATORS = List.of("bool", "boolifexists");

    private SecureTransportPolicy() {
    }

    /**
     * @param policyJson the bucket policy document
     * @return TRUE when a statement denies insecure transport, FALSE when none does, UNKNOWN when
     *         the document is not JSON (then nothing can be said about it)
     */
    public static Tri deniesInsecureTransport(String policyJson) {
        JsonNode root;
        try {
            root = JSON.readTree(policyJson);
        } catch (JacksonException e) {
            return Tri.UNKNOWN;
        }
        if (root == null || !root.isObject()) return Tri.UNKNOWN;
        return Tri.of(elements(root.get("Statement")).anyMatch(SecureTransportPolicy::deniesInsecure));
    }

    private static boolean deniesInsecure(JsonNode st) {
        return st.isObject()
                && "Deny".equals(text(st.get("Effect")))
                && everyone(st.get("Principal"))
                && elements(st.get("Action")).map(SecureTransportPolicy::text)
                    .anyMatch(a -> "*".equals(a) || "s3:*".equalsIgnoreCase(a))
                && insecureTransportCondition(st.get("Condition"));
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
        return condition.propertyStream()
                .filter(op -> OPERATORS.contains(op.getKey().toLowerCase(Locale.ROOT)) && op.getValue().isObject())
                .flatMap(op -> op.getValue().propertyStream())
                .filter(kv -> "aws:securetransport".equals(kv.getKey().toLowerCase(Locale.ROOT)))
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
