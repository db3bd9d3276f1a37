package cloud.consolesensei.check;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The one glob matcher: {@code *} matches any run of characters (none included), {@code ?} exactly
 * one; everything else literally. Used for suppression check and resource globs, account-name
 * filters and IAM policy action wildcards. Compiled patterns are cached: the same few globs are
 * matched against every finding, account or policy statement of a run.
 */
public final class Glob {

    /** Beyond this many distinct globs the cache starts over (policy documents can bring many). */
    private static final int MAX_CACHED = 10_000;
    private static final Map<String, Pattern> SENSITIVE = new ConcurrentHashMap<>();
    private static final Map<String, Pattern> IGNORING_CASE = new ConcurrentHashMap<>();

    private Glob() {
    }

    /** {@code glob} as a whole-string regex pattern, case-sensitive or not (Unicode case folding). */
    public static Pattern pattern(String glob, boolean ignoreCase) {
        Map<String, Pattern> cache = ignoreCase ? IGNORING_CASE : SENSITIVE;
        if (cache.size() > MAX_CACHED) cache.clear();
        return cache.computeIfAbsent(glob, g -> compile(g, ignoreCase));
    }

    /** Whether the whole of {@code value} matches {@code glob}. */
    public static boolean matches(String glob, String value, boolean ignoreCase) {
        return pattern(glob, ignoreCase).matcher(value).matches();
    }

    private static Pattern compile(String glob, boolean ignoreCase) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        return Pattern.compile(re.toString(), flags);
    }
}
