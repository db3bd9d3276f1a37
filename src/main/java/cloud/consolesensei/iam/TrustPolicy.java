package cloud.consolesensei.iam;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Reads a role's trust policy (AssumeRolePolicyDocument, already decoded by
 * {@link PolicyDocuments#parse(String)}).
 * <p>
 * An AWS principal names an account as its 12-digit id, {@code arn:aws:iam::<id>:root}, or the ARN
 * of a user or role in it ({@code arn:aws:iam::<id>:role/...}, {@code arn:aws:sts::<id>:assumed-role/...});
 * {@code "*"} (as the whole Principal or as its AWS value) means everyone ("AWS JSON policy elements:
 * Principal"). The confused-deputy guard for third parties is an {@code sts:ExternalId} condition
 * ("Access to AWS accounts owned by third parties", IAM User Guide) under any string condition
 * operator (docs/checks.md): {@code StringEquals}, {@code StringLike}, {@code StringEqualsIgnoreCase},
 * {@code StringNotEquals}, ..., with or without the {@code ForAnyValue:}/{@code ForAllValues:} set
 * prefix and the {@code IfExists} suffix. Condition keys and operator names are matched
 * case-insensitively.
 */
public final class TrustPolicy {

    private static final Pattern ARN_ACCOUNT = Pattern.compile("^arn:[^:]+:(?:iam|sts)::(\\d{12}):.*");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final String EXTERNAL_ID = "sts:externalid";

    private TrustPolicy() {
    }

    /**
     * The principals of the Allow statements, as {@code Type:value} ({@code AWS:arn:aws:iam::...:root},
     * {@code Service:ec2.amazonaws.com}, {@code Federated:...}), or {@code *}; in document order, once each.
     */
    public static List<String> principals(JsonNode document) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode st : PolicyDocuments.statements(document)) {
            if (!PolicyDocuments.allows(st)) continue;
            JsonNode p = st.get("Principal");
            if (p == null) continue;
            if (p.isString()) {
                out.add(p.asString());
            } else if (p.isObject()) {
                for (Map.Entry<String, JsonNode> e : p.properties()) {
                    PolicyDocuments.strings(e.getValue()).forEach(v -> out.add(e.getKey() + ":" + v));
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The AWS principals outside {@code ownAccount} (or {@code *}) that an Allow statement lets call
     * {@code sts:AssumeRole} with no {@code sts:ExternalId} condition under a string operator.
     *
     * @return principal values as written, in document order; empty when none
     */
    public static List<String> crossAccountWithoutExternalId(JsonNode document, String ownAccount) {
        List<String> out = new ArrayList<>();
        for (JsonNode st : PolicyDocuments.statements(document)) {
            if (!PolicyDocuments.allows(st) || !PolicyDocuments.coversAction(st, "sts:AssumeRole")
                    || hasExternalId(st)) {
                continue;
            }
            for (String principal : awsPrincipals(st)) {
                String account = accountOf(principal);
                if (account != null && (account.equals("*") || !account.equals(ownAccount))
                        && !out.contains(principal)) {
                    out.add(principal);
                }
            }
        }
        return out;
    }

    /** The AWS principal values of a statement; {@code "Principal": "*"} counts as AWS {@code *}. */
    private static List<String> awsPrincipals(JsonNode statement) {
        JsonNode p = statement.get("Principal");
        if (p == null) return List.of();
        if (p.isString()) return "*".equals(p.asString()) ? List.of("*") : List.of();
        return PolicyDocuments.strings(p.get("AWS"));
    }

    /** The account a principal value names, {@code *} for everyone, or {@code null} if none can be read. */
    static String accountOf(String principal) {
        String p = principal.strip();
        if (p.equals("*")) return "*";
        if (ACCOUNT_ID.matcher(p).matches()) return p;
        Matcher m = ARN_ACCOUNT.matcher(p);
        return m.matches() ? m.group(1) : null;
    }

    private static boolean hasExternalId(JsonNode statement) {
        JsonNode condition = statement.get("Condition");
        if (condition == null || !condition.isObject()) return false;
        for (Map.Entry<String, JsonNode> op : condition.properties()) {
            if (!stringOperator(op.getKey()) || !op.getValue().isObject()) continue;
            for (Map.Entry<String, JsonNode> key : op.getValue().properties()) {
                if (EXTERNAL_ID.equals(PolicyDocuments.lower(key.getKey()))) return true;
            }
        }
        return false;
    }

    /** A string condition operator, with or without a set prefix and the IfExists suffix (IAM User Guide). */
    static boolean stringOperator(String operator) {
        String op = PolicyDocuments.lower(operator.strip());
        for (String prefix : new String[] {"foranyvalue:", "forallvalues:"}) {
            if (op.startsWith(prefix)) op = op.substring(prefix.length());
        }
        if (op.endsWith("ifexists")) op = op.substring(0, op.length() - "ifexists".length());
        return op.startsWith("string");
    }
}
