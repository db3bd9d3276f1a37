package cloud.consolesensei.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/** Says where a configuration key was set (file and line), for error messages. */
public final class ConfigOrigins {

    private ConfigOrigins() {
    }

    /** {@code URL [file:/x/audit.yml] - 4:9} becomes {@code /x/audit.yml:4:9}; other origins as they are. */
    public static String pretty(Object origin) {
        String s = String.valueOf(origin);
        Matcher m = Pattern
                .compile("(?:URL|file|class path resource) \\[(?:file:)?([^\\]]+)\\] - (\\d+):(\\d+)").matcher(s);
        return m.matches() ? m.group(1) + ":" + m.group(2) + ":" + m.group(3) : s;
    }

    /** E.g. {@code "URL [file:jobs/audit.yml] - 4:9: "}, or empty when unknown. */
    @SuppressWarnings("unchecked")
    static String of(ConfigurableEnvironment env, String key) {
        for (PropertySource<?> ps : env.getPropertySources()) {
            if (ps instanceof OriginLookup<?> lookup && ps.containsProperty(key)) {
                Origin o = ((OriginLookup<String>) lookup).getOrigin(key);
                if (o != null) return pretty(o) + ": ";
            }
        }
        return "";
    }
}
