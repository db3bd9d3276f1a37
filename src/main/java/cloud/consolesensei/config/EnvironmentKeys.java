package cloud.consolesensei.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Environment variables named {@code CONSOLESENSEI_*} must be configuration keys, as a key on the
 * command line or in a file must: Spring Boot binds {@code CONSOLESENSEI_AWS_MAX_ATTEMPTS} to
 * {@code consolesensei.aws.max-attempts} (relaxed binding: upper case, {@code _} for {@code .},
 * dashes dropped or written {@code _}, {@code _0_} for list index 0) but silently ignores a
 * misspelt one, which then looks configured and is not.
 * <p>
 * The keys are those of {@link ConsoleSenseiProperties}; under the free-form maps
 * ({@code checks}, {@code cost}) any name is accepted here (their own validation names unknown
 * check ids and settings). {@code CONSOLESENSEI_ADMIN_HASH} is the README's compose variable, not a
 * key, and is let through.
 */
public final class EnvironmentKeys {

    private static final String PREFIX = "CONSOLESENSEI_";

    /** Documented variables that are not configuration keys (docker/compose.yaml substitutes it on the host). */
    private static final Set<String> NOT_KEYS = Set.of("CONSOLESENSEI_ADMIN_HASH");

    /** Index placeholder in canonical names. */
    private static final String INDEX = "#";

    private static final Set<String> CANONICAL = new TreeSet<>();
    private static final Set<String> MAP_PREFIXES = new TreeSet<>();
    /** Every key written as an environment variable (indexes as 0), to suggest the nearest. */
    private static final List<String> SPELLED = new ArrayList<>();

    static {
        walk(ConsoleSenseiProperties.class, "CONSOLESENSEI", "CONSOLESENSEI");
    }

    private EnvironmentKeys() {
    }

    /**
     * One line per {@code CONSOLESENSEI_*} variable of {@code env} that is no configuration key,
     * naming it and the nearest key written as a variable, if one is close.
     */
    public static List<String> problems(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        for (String name : new TreeSet<>(env.keySet())) {
            if (!name.toUpperCase(Locale.ROOT).startsWith(PREFIX) || NOT_KEYS.contains(name) || known(name)) continue;
            String nearest = nearest(name.toUpperCase(Locale.ROOT));
            problems.add("environment variable " + name + ": not a configuration key"
                    + (nearest == null ? "; the keys are those of the README's Configuration table, written e.g."
                    + " CONSOLESENSEI_AWS_MAX_ATTEMPTS for consolesensei.aws.max-attempts"
                    : "; did you mean " + nearest + "?") + " (unset it, or fix its name)");
        }
        return problems;
    }

    /** True when Spring Boot binds {@code name} to a key of {@link ConsoleSenseiProperties}. */
    static boolean known(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (String p : MAP_PREFIXES) {
            if (upper.startsWith(p + "_")) return true;
        }
        String canonical = upper.replaceAll("_\\d+(?=_|$)", INDEX).replace("_", "");
        return CANONICAL.contains(canonical);
    }

    private static String nearest(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : SPELLED) {
            int d = EditDistance.between(name, k);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance <= Math.max(2, name.length() / 5) ? best : null;
    }

    /** Records every key under {@code type}: canonical (no separators, {@code #} for an index) and spelled. */
    private static void walk(Class<?> type, String canonical, String spelled) {
        for (RecordComponent c : type.getRecordComponents()) {
            String kebab = c.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toUpperCase(Locale.ROOT);
            String can = canonical + kebab.replace("-", "");
            String sp = spelled + "_" + kebab.replace("-", "_");
            Class<?> t = c.getType();
            if (Map.class.isAssignableFrom(t)) {
                MAP_PREFIXES.add(sp);
            } else if (List.class.isAssignableFrom(t)) {
                Class<?> element = element(c.getGenericType());
                if (element != null && element.isRecord()) {
                    walk(element, can + INDEX, sp + "_0");
                } else {
                    add(can, sp);
                    add(can + INDEX, sp + "_0");
                }
            } else if (t.isRecord()) {
                walk(t, can, sp);
            } else {
                add(can, sp);
            }
        }
    }

    private static void add(String canonical, String spelled) {
        CANONICAL.add(canonical);
        SPELLED.add(spelled);
    }

    private static Class<?> element(Type generic) {
        return generic instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> e ? e : null;
    }
}
