package cloud.consolesensei.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * An AWS answer kept as a file under {@code src/test/resources/aws/<service>/} (see
 * {@link AwsWire#file}) with {@code ${name}} placeholders where a test varies ids, accounts,
 * regions, dates or the items of a list: the file shows the answer's shape as the service's API
 * reference documents it, the test supplies only the values. WireMock's own response templates
 * ({@code {{...}}}) pass through untouched.
 *
 * <p>Files are read and split once per path; {@link #fill} then only concatenates, so the
 * benchmark's fake AWS can render thousands of items from a per-item template.
 */
public final class AwsTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Map<String, AwsTemplate> CACHE = new ConcurrentHashMap<>();

    private final String path;
    /** Literal text around the placeholders: {@code texts.size() == names.size() + 1}. */
    private final List<String> texts;
    private final List<String> names;
    private final Set<String> distinct;

    private AwsTemplate(String path, List<String> texts, List<String> names) {
        this.path = path;
        this.texts = texts;
        this.names = names;
        this.distinct = new LinkedHashSet<>(names);
    }

    private AwsTemplate(String path, String text) {
        this.path = path;
        this.texts = new ArrayList<>();
        this.names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int from = 0;
        while (m.find()) {
            texts.add(text.substring(from, m.start()));
            names.add(m.group(1));
            from = m.end();
        }
        texts.add(text.substring(from));
        this.distinct = new LinkedHashSet<>(names);
    }

    /**
     * The template in the test resource {@code aws/<path>}.
     *
     * @throws IllegalArgumentException when there is no such resource
     */
    public static AwsTemplate of(String path) {
        return CACHE.computeIfAbsent(path, p -> new AwsTemplate(p, AwsWire.file(p)));
    }

    /**
     * This XML template without the whitespace between its elements (indentation, line ends), for
     * generators whose answers should weigh what AWS's unindented answers weigh (the benchmark).
     * Text inside elements is kept.
     */
    public AwsTemplate compact() {
        List<String> compacted = texts.stream()
                .map(t -> t.replaceAll(">\\s+<", "><").replaceAll("^\\s+(?=<)", "").replaceAll("(?<=>)\\s+$", "")).toList();
        return new AwsTemplate(path, compacted, names);
    }

    /** The placeholders of this template, in order of first use. */
    public Set<String> placeholders() {
        return distinct;
    }

    /**
     * The text with every placeholder replaced: {@code nameValues} alternates names and values
     * ({@code "account", "123456789012", "region", "eu-west-1"}); values are written with
     * {@link String#valueOf(Object)}, unescaped (an item list is XML or JSON already).
     *
     * @throws IllegalArgumentException naming the file and the placeholder when a placeholder has no
     *         value, when a value names no placeholder of the file (a typo), or when the arguments
     *         do not pair up
     */
    public String fill(Object... nameValues) {
        StringBuilder sb = new StringBuilder(texts.stream().mapToInt(String::length).sum() + 64 * names.size());
        appendTo(sb, nameValues);
        return sb.toString();
    }

    /** {@link #fill} into {@code sb}, for answers built of many items. */
    public void appendTo(StringBuilder sb, Object... nameValues) {
        if (nameValues.length % 2 != 0) {
            throw new IllegalArgumentException("aws/" + path + ": names and values do not pair up: " + nameValues.length
                    + " arguments");
        }
        for (int i = 0; i < nameValues.length; i += 2) {
            if (!distinct.contains(String.valueOf(nameValues[i]))) {
                throw new IllegalArgumentException("aws/" + path + " has no placeholder ${" + nameValues[i]
                        + "}; it has " + distinct);
            }
        }
        for (int n = 0; n < names.size(); n++) {
            sb.append(texts.get(n)).append(value(names.get(n), nameValues));
        }
        sb.append(texts.get(texts.size() - 1));
    }

    private String value(String name, Object[] nameValues) {
        for (int i = 0; i < nameValues.length; i += 2) {
            if (name.equals(nameValues[i])) return String.valueOf(nameValues[i + 1]);
        }
        throw new IllegalArgumentException("aws/" + path + ": no value for ${" + name + "}");
    }

    /** A 200 answer of {@code contentType} whose body is {@link #fill}{@code (nameValues)}. */
    public ResponseDefinitionBuilder answer(String contentType, Object... nameValues) {
        return answer(200, contentType, nameValues);
    }

    /** An answer of {@code status} and {@code contentType} whose body is {@link #fill}{@code (nameValues)}. */
    public ResponseDefinitionBuilder answer(int status, String contentType, Object... nameValues) {
        return aResponse().withStatus(status).withHeader("Content-Type", contentType).withBody(fill(nameValues));
    }
}
