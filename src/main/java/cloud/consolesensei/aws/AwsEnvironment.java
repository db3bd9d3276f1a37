package cloud.consolesensei.aws;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Checks the AWS SDK settings this process was given in its environment (and their
 * {@code aws.*} system property twins) before any AWS client is built: an endpoint that is not an
 * http(s) URL, or an attempt count or retry mode the SDK cannot read, is a usage error naming the
 * variable and what is allowed (exit 2), not an AWS answer found malformed in the middle of a run.
 * <p>
 * Settings checked (AWS SDKs and Tools Reference Guide, "Service-specific endpoints" and "Retry
 * behavior"): {@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_<SERVICE>},
 * {@code aws.endpointUrl[<Service>]}, {@code AWS_MAX_ATTEMPTS} / {@code aws.maxAttempts},
 * {@code AWS_RETRY_MODE} / {@code aws.retryMode}.
 */
public final class AwsEnvironment {

    private static final List<String> RETRY_MODES = List.of("legacy", "standard", "adaptive");

    private AwsEnvironment() {
    }

    /** {@link #problems(Map, Properties)} of this process. */
    public static List<String> problems() {
        return problems(System.getenv(), System.getProperties());
    }

    /**
     * The problems of {@code env} and {@code sys}, one line each, naming the variable, its value and
     * what is allowed; empty when all is well (unset is always well).
     */
    public static List<String> problems(Map<String, String> env, Properties sys) {
        Map<String, String> settings = new TreeMap<>();
        env.forEach((k, v) -> {
            if (k.equals("AWS_ENDPOINT_URL") || k.startsWith("AWS_ENDPOINT_URL_") || k.equals("AWS_MAX_ATTEMPTS")
                    || k.equals("AWS_RETRY_MODE")) {
                settings.put("environment variable " + k, v);
            }
        });
        for (String k : sys.stringPropertyNames()) {
            if (k.startsWith("aws.endpointUrl") || k.equals("aws.maxAttempts") || k.equals("aws.retryMode")) {
                settings.put("system property " + k, sys.getProperty(k));
            }
        }
        List<String> problems = new ArrayList<>();
        settings.forEach((name, value) -> {
            String problem = name.contains("ndpoint") || name.contains("ENDPOINT") ? endpoint(value)
                    : name.endsWith("AWS_MAX_ATTEMPTS") || name.endsWith("aws.maxAttempts") ? attempts(value)
                    : retryMode(value);
            if (problem != null) problems.add(name + ": '" + value + "' " + problem);
        });
        return problems;
    }

    /** Why {@code value} is not an endpoint the SDK can call, or null. */
    private static String endpoint(String value) {
        String v = value.trim();
        if (v.isEmpty()) return null; // the SDK treats an empty setting as unset
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) return null;
        } catch (URISyntaxException e) {
            // described below
        }
        return "is not an endpoint URL: use http:// or https:// with a host, e.g. http://localhost:4566, or unset it";
    }

    private static String attempts(String value) {
        try {
            if (Integer.parseInt(value.trim()) >= 1) return null;
        } catch (NumberFormatException e) {
            // described below
        }
        return "is not allowed: a whole number of attempts, 1 or more (e.g. 3), or unset it"
                + " (this program's own setting is consolesensei.aws.max-attempts)";
    }

    private static String retryMode(String value) {
        if (RETRY_MODES.contains(value.trim().toLowerCase(Locale.ROOT))) return null;
        return "is not allowed: use " + String.join(", ", RETRY_MODES) + ", or unset it";
    }
}
