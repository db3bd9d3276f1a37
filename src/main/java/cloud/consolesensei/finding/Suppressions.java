package cloud.consolesensei.finding;

import cloud.consolesensei.check.Glob;
import cloud.consolesensei.config.ConsoleSenseiProperties.Suppression;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The mute list ({@code consolesensei.suppressions[]}): a finding matching an entry that has not
 * expired (an entry applies through its {@code expires} day, UTC) is SUPPRESSED with that entry's
 * reason. Check and resource patterns are globs ({@code *}, {@code ?}); a resource pattern written
 * {@code regex:...} is a Java regular expression matched against the whole resource id.
 */
public final class Suppressions {

    private final List<Entry> entries;

    /** A compiled entry. */
    public record Entry(Suppression source, Pattern check, Pattern resource) {

        /** True when the entry applies on {@code asOf}. */
        public boolean activeOn(LocalDate asOf) {
            return source.expires() == null || !asOf.isAfter(source.expires());
        }

        boolean matches(Finding f) {
            return check.matcher(f.checkId()).matches() && resource.matcher(f.resourceId()).matches()
                    && (source.account() == null || source.account().equals(f.accountId()));
        }
    }

    public Suppressions(List<Suppression> configured) {
        this.entries = configured.stream().map(s -> new Entry(s, Glob.pattern(s.check(), false),
                s.resource().startsWith("regex:") ? Pattern.compile(s.resource().substring(6)) : Glob.pattern(s.resource(), false)))
                .toList();
    }

    /** The reason of the first active entry matching {@code f} on {@code asOf}. */
    public Optional<String> reasonFor(Finding f, LocalDate asOf) {
        return entries.stream().filter(e -> e.activeOn(asOf) && e.matches(f)).findFirst().map(e -> e.source().reason());
    }

    /** Entries that have expired by {@code asOf} (listed as expired in the report). */
    public List<Suppression> expired(LocalDate asOf) {
        return entries.stream().filter(e -> !e.activeOn(asOf)).map(Entry::source).toList();
    }
}
