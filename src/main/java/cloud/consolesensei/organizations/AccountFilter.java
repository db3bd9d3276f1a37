package cloud.consolesensei.organizations;

import cloud.consolesensei.check.Glob;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The {@code include}/{@code exclude} lists of {@code consolesensei.organizations}. Each entry is
 * <ul>
 *   <li>an account ID (12 digits): that account;</li>
 *   <li>an OU id ({@code ou-...}) or the root id ({@code r-...}): every account under it, at any depth;</li>
 *   <li>anything else: a glob on the account name ({@code *} any run of characters, {@code ?} one
 *       character), case-insensitive.</li>
 * </ul>
 * An empty include list keeps every account; exclude wins over include.
 */
public final class AccountFilter {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private final List<Rule> include;
    private final List<Rule> exclude;

    private record Rule(String text, Kind kind, Predicate<String> name) {
    }

    private enum Kind { ACCOUNT, OU, NAME }

    public AccountFilter(List<String> include, List<String> exclude) {
        this.include = include.stream().map(AccountFilter::rule).toList();
        this.exclude = exclude.stream().map(AccountFilter::rule).toList();
    }

    /** True when an entry is an OU or root id: discovery then needs each account's OU ancestry. */
    public static boolean isOu(String entry) {
        return entry.startsWith("ou-") || entry.startsWith("r-");
    }

    /** True when there is neither an include nor an exclude entry. */
    public boolean isEmpty() {
        return include.isEmpty() && exclude.isEmpty();
    }

    /** True when any entry names an OU (ListParents is only called then). */
    public boolean needsOus() {
        return include.stream().anyMatch(r -> r.kind() == Kind.OU) || exclude.stream().anyMatch(r -> r.kind() == Kind.OU);
    }

    /**
     * The decision for one account.
     *
     * @param id    account ID
     * @param name  account name
     * @param ouIds ids of the account's parents up to the root (any order); empty when not fetched
     * @return empty when the account is kept, else why it is not
     */
    public Optional<String> rejects(String id, String name, List<String> ouIds) {
        for (Rule r : exclude) {
            if (matches(r, id, name, ouIds)) return Optional.of("excluded by exclude entry '" + r.text() + "'");
        }
        if (!include.isEmpty() && include.stream().noneMatch(r -> matches(r, id, name, ouIds))) {
            return Optional.of("not matched by any include entry");
        }
        return Optional.empty();
    }

    private static boolean matches(Rule r, String id, String name, List<String> ouIds) {
        return switch (r.kind()) {
            case ACCOUNT -> r.text().equals(id);
            case OU -> ouIds.contains(r.text());
            case NAME -> name != null && r.name().test(name);
        };
    }

    private static Rule rule(String entry) {
        String e = entry.trim();
        if (ACCOUNT_ID.matcher(e).matches()) return new Rule(e, Kind.ACCOUNT, null);
        if (isOu(e)) return new Rule(e, Kind.OU, null);
        Pattern p = Glob.pattern(e, true);
        return new Rule(e, Kind.NAME, s -> p.matcher(s).matches());
    }

    @Override
    public String toString() {
        return "AccountFilter[include=" + include.stream().map(Rule::text).toList()
                + ", exclude=" + exclude.stream().map(Rule::text).toList() + "]";
    }
}
