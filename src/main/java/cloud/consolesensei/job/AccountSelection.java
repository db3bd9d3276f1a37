package cloud.consolesensei.job;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.config.ConfigException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one rule for the accounts a request names ({@code run --account}, {@code doctor --account}, the
 * API's {@code accounts}): each a 12-digit AWS account ID and one of the accounts the run knows
 * (configured, discovered or the demo estate's); none named means all. The problems name the value as
 * the caller's user wrote it ({@code label}: {@code --account}, {@code accounts:}) and what is allowed.
 */
public final class AccountSelection {

    private AccountSelection() {
    }

    /**
     * One line per id that is not an AWS account ID ({@code --account '12345' is not an AWS account ID (12 digits)})
     * or, when {@code known} is given, not one of them ({@code --account '999999999999' is not a configured
     * account; configured: 111111111111, 222222222222}).
     *
     * @param known the account ids the run knows, or {@code null} when they are known only later (discovery)
     */
    public static List<String> problems(String label, Collection<String> ids, Collection<String> known) {
        List<String> problems = new ArrayList<>();
        for (String id : ids) {
            if (id == null || !id.matches("\\d{12}")) {
                problems.add(label + " '" + id + "' is not an AWS account ID (12 digits)");
            } else if (known != null && !known.contains(id)) {
                problems.add(label + " '" + id + "' is not a configured account; configured: "
                        + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
        }
        return problems;
    }

    /**
     * The accounts of {@code all} that {@code ids} names, in {@code all}'s order; all of them when none is named.
     *
     * @throws ConfigException naming each id that is not one of {@code all} (exit 2, HTTP 400)
     */
    public static List<AccountTarget> select(String label, List<AccountTarget> all, List<String> ids) {
        if (ids.isEmpty()) return all;
        List<String> problems = problems(label, ids, all.stream().map(AccountTarget::id).toList());
        if (!problems.isEmpty()) throw new ConfigException(problems);
        Set<String> wanted = Set.copyOf(ids);
        return all.stream().filter(a -> wanted.contains(a.id())).collect(Collectors.toList());
    }
}
