package cloud.consolesensei.config;

import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/** Says where a configuration key was set (file and line), for error messages. */
final class ConfigOrigins {

    private ConfigOrigins() {
    }

    /** E.g. {@code "URL [file:jobs/audit.yml] - 4:9: "}, or empty when unknown. */
    @SuppressWarnings("unchecked")
    static String of(ConfigurableEnvironment env, String key) {
        for (PropertySource<?> ps : env.getPropertySources()) {
            if (ps instanceof OriginLookup<?> lookup && ps.containsProperty(key)) {
                Origin o = ((OriginLookup<String>) lookup).getOrigin(key);
                if (o != null) return o + ": ";
            }
        }
        return "";
    }
}
