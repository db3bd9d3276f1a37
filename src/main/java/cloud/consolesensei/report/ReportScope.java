package cloud.consolesensei.report;

import cloud.consolesensei.aws.AccountTarget;

import java.time.LocalDate;
import java.util.List;

/**
 * What one report covers.
 *
 * @param runId    the run (job instance) whose results are reported
 * @param scope    {@code all}, or the account ID when one account was run (part of file names)
 * @param accounts the accounts in scope, in report order
 * @param asOf     the as-of date (UTC)
 * @param demo     true in demo mode: every output is marked DEMO
 */
public record ReportScope(String runId, String scope, List<AccountTarget> accounts, LocalDate asOf, boolean demo) {

    public ReportScope {
        accounts = List.copyOf(accounts);
    }

    /** The account IDs in scope. */
    public List<String> accountIds() {
        return accounts.stream().map(AccountTarget::id).toList();
    }
}
