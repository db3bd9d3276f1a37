package cloud.consolesensei.notify;

import java.time.LocalDate;
import java.util.List;

/**
 * What one email summary says, ready for the templates ({@code reports-templates/email/}): every
 * amount is already formatted (USD, 2 decimals) and every list is bounded (top N), so the model is
 * small whatever the size of the estate. Templates escape every value.
 *
 * @param demo            demo mode: subject and body are marked DEMO
 * @param scope           {@code all} or the account ID
 * @param scopeLabel      for people: "all accounts (2)" or "name (id)"
 * @param subject         the message subject
 * @param asOf            as-of date, UTC
 * @param runId           run id (job instance)
 * @param executionId     Spring Batch job execution id
 * @param duration        run duration so far, e.g. "1m 05s"
 * @param previousRunId   the run compared against, or null when this is the scope's first run
 * @param severities      counts by severity with the change since the previous run, then a total line
 * @param newCount        NEW findings, all severities
 * @param resolvedCount   findings RESOLVED since the previous run
 * @param suppressedCount muted findings (not in any other figure)
 * @param savings         savings, USD per month (each resource once, at its largest figure)
 * @param costAlerts      cost alerts, USD (spend that rose or will pass a limit; never added to savings)
 * @param newTop          NEW CRITICAL/HIGH findings, top {@value MailSummaryNotifier#TOP}
 * @param newMore         how many NEW CRITICAL/HIGH findings are not listed
 * @param resolved        RESOLVED findings, top {@value MailSummaryNotifier#TOP}
 * @param resolvedMore    how many RESOLVED findings are not listed
 * @param savingsByCheck  savings by check, largest first
 * @param alertsByCheck   cost alerts by check, largest first
 * @param facts           headline figures per account (month to date, forecast...); empty = section omitted
 * @param gaps            coverage gaps with remedies, first {@value MailSummaryNotifier#TOP}
 * @param gapCount        all coverage gaps (not informational)
 * @param workbook        the attached workbook's file name
 * @param attachmentNote  set when the workbook was too large to attach: where it is instead
 */
public record EmailSummary(boolean demo, String scope, String scopeLabel, String subject, LocalDate asOf, String runId,
                           long executionId, String duration, String previousRunId, List<SeverityLine> severities,
                           int newCount, int resolvedCount, int suppressedCount, String savings,
                           String costAlerts, List<FindingLine> newTop, int newMore, List<FindingLine> resolved,
                           int resolvedMore, List<MoneyLine> savingsByCheck, List<MoneyLine> alertsByCheck, List<AccountFactsBlock> facts, List<GapLine> gaps, int gapCount,
                           String workbook, String attachmentNote) {

    /** Count of one severity, with the change since the previous run ("+2", "-1", "0", or "" for a first run). */
    public record SeverityLine(String severity, int count, String change) {
    }

    /**
     * One listed finding; {@code amount} is its money as text ({@code 12.50 USD/month} for savings, which
     * recur, {@code 380.25 USD} for a cost alert, which is an amount over budget or above normal, not a
     * monthly figure), empty when it has none; {@code date} is first seen (NEW) or resolved on (RESOLVED).
     */
    public record FindingLine(String severity, String accountId, String region, String resource, String checkId,
                              String title, String amount, String date) {
    }

    /**
     * The savings or cost alerts of one check: {@code usd} is the sum over its priced findings;
     * {@code findings} counts all of them, {@code unpriced} those without a price (an instance type the
     * Price List does not sell on demand, say), so the count matches the workbook's.
     */
    public record MoneyLine(String checkId, String title, int findings, int unpriced, String usd) {
    }

    /** One account's headline figures. */
    public record AccountFactsBlock(String account, List<Fact> facts) {
    }

    /** One headline figure, formatted. */
    public record Fact(String label, String value) {
    }

    /** One coverage gap with its remedy. */
    public record GapLine(String accountId, String region, String service, String operation, String problem,
                          String message, String remedy) {
    }
}
