package cloud.consolesensei.iam;

import cloud.consolesensei.aws.MalformedAnswer;
import cloud.consolesensei.check.Glob;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * IAM policy documents as the IAM API returns them, and the questions the checks ask of them.
 * <p>
 * The API returns every document (GetUserPolicy's PolicyDocument, GetPolicyVersion's Document,
 * a role's AssumeRolePolicyDocument) URL-encoded "compliant with RFC 3986" (IAM API reference); the
 * SDK does not decode it. {@link #parse(String)} percent-decodes it (a literal {@code +} stays a
 * plus: RFC 3986 is not form encoding) and parses the JSON with Jackson. Policy grammar ("IAM JSON
 * policy elements"): {@code Statement} is one object or an array; {@code Action}, {@code Resource}
 * and principal values are one string or an array of strings.
 */
public final class PolicyDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PolicyDocuments() {
    }

    /**
     * Decodes and parses a policy document.
     *
     * @param document URL-encoded JSON (or plain JSON, as some AWS-compatible endpoints return it)
     * @throws RuntimeException the {@link MalformedAnswer} exception on a malformed percent-escape
     * @throws tools.jackson.core.JacksonException on malformed JSON
     */
    public static JsonNode parse(String document) {
        return JSON.readTree(decode(document));
    }

    /** Percent-decodes {@code document} unless it is already plain JSON. */
    static String decode(String document) {
        String d = document.strip();
        if (d.startsWith("{")) return d;
        try {
            return URLDecoder.decode(d.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw MalformedAnswer.of("the policy document is not URL-encoded JSON (" + e.getMessage() + ")", e);
        }
    }

    /** The statements of a document: its Statement object, or the objects of its Statement array. */
    static List<JsonNode> statements(JsonNode document) {
        JsonNode s = document == null ? null : document.get("Statement");
        List<JsonNode> out = new ArrayList<>();
        if (s == null) return out;
        if (s.isArray()) {
            s.values().forEach(n -> {
                if (n.isObject()) out.add(n);
            });
        } else if (s.isObject()) {
            out.add(s);
        }
        return out;
    }

    /** A string-or-array element as a list of strings (empty when absent). */
    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) return out;
        if (node.isString()) {
            out.add(node.asString());
        } else if (node.isArray()) {
            node.values().forEach(n -> {
                if (n.isString()) out.add(n.asString());
            });
        }
        return out;
    }

    /** True for a statement whose Effect is Allow. */
    static boolean allows(JsonNode statement) {
        JsonNode e = statement.get("Effect");
        return e != null && e.isString() && "Allow".equalsIgnoreCase(e.asString());
    }

    /**
     * True when some statement allows Action {@code *} on Resource {@code *} (CIS AWS Foundations
     * 1.16 "full *:* administrative privileges"); {@code *:*} counts as {@code *}.
     */
    public static boolean grantsFullAccess(JsonNode document) {
        for (JsonNode st : statements(document)) {
            if (allows(st)
                    && strings(st.get("Action")).stream().anyMatch(a -> a.equals("*") || a.equals("*:*"))
                    && strings(st.get("Resource")).contains("*")) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the statement's Action (or NotAction) covers {@code action}, with IAM's wildcards
     * ({@code *}, {@code ?}), case-insensitively as IAM compares action names.
     */
    static boolean coversAction(JsonNode statement, String action) {
        if (statement.has("Action")) {
            return strings(statement.get("Action")).stream().anyMatch(p -> Glob.matches(p, action, true));
        }
        if (statement.has("NotAction")) {
            return strings(statement.get("NotAction")).stream().noneMatch(p -> Glob.matches(p, action, true));
        }
        return false;
    }

    /** Lower-cased for case-insensitive comparisons of condition keys and operators. */
    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
