package cloud.consolesensei.report;

import cloud.consolesensei.aws.AccountTarget;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * What one report covers.
 *
 * @param runId    the run (job instance) whose results are reported
 * @param scope    the scope of README, "Outputs" (part of file names), see {@link #name}
 * @param accounts the accounts in scope, in report order
 * @param asOf     the as-of date (UTC)
 * @param demo     true in demo mode: every output is marked DEMO
 */
public record ReportScope(String runId, String scope, List<AccountTarget> accounts, LocalDate asOf, boolean demo) {

    public ReportScope {
        accounts = List.copyOf(accounts);
    }

    /** Account ids named one by one in a scope; past this, {@code accounts-<N>-<hash>}. */
    static final int NAMED_IDS = 5;

    /**
     * The scope of a run (README, "Outputs"): {@code all} when every account was run,
     * else the account ids sorted and joined by {@code +} ({@code accounts-<N>-<first 8 hex of the
     * SHA-256 of the sorted ids joined by +>} past 5 ids); then, when regions limited the run,
     * {@code @} and the regions sorted and joined by {@code +}.
     *
     * @param accountIds   the accounts asked for; empty = every account
     * @param regions      the regions asked for; empty = each account's own
     * @param everyAccount every account the run could audit (configured or discovered)
     */
    public static String name(Collection<String> accountIds, Collection<String> regions, Collection<String> everyAccount) {
        TreeSet<String> ids = new TreeSet<>(accountIds);
        String accounts;
        if (ids.isEmpty() || ids.equals(new TreeSet<>(everyAccount))) {
            accounts = "all";
        } else if (ids.size() <= NAMED_IDS) {
            accounts = String.join("+", ids);
        } else {
            accounts = "accounts-" + ids.size() + "-" + sha256(String.join("+", ids)).substring(0, 8);
        }
        return regions.isEmpty() ? accounts : accounts + "@" + String.join("+", new TreeSet<>(regions));
    }

    /** True when this is one account's own scope (its id alone): an {@code all} run writes one per account. */
    public boolean oneAccount() {
        return scope.matches("\\d{12}");
    }

    /**
     * What the run was limited to, for the reports and the email ({@code null} for {@code all}):
     * {@code accounts 111111111111, 222222222222; regions eu-west-1 (global services in full)}.
     */
    public String limitedTo() {
        if ("all".equals(scope) || oneAccount() && accounts.size() == 1) return null;
        int at = scope.indexOf('@');
        String ids = scope.startsWith("all") ? "every account" : accounts.size() <= NAMED_IDS
                ? (accounts.size() == 1 ? "account " : "accounts ") + String.join(", ", accountIds())
                : accounts.size() + " accounts";
        return at < 0 ? ids : ids + "; regions " + scope.substring(at + 1).replace("+", ", ")
                + " (global services - IAM, S3, Cost Explorer, Budgets, invoices - audited in full)";
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** The account IDs in scope. */
    public List<String> accountIds() {
        return accounts.stream().map(AccountTarget::id).toList();
    }
}
