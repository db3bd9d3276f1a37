package cloud.consolesensei.notify;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.cost.CostFormat;
import cloud.consolesensei.check.CheckCatalog;
import cloud.consolesensei.check.MoneyKind;
import cloud.consolesensei.finding.RunCounts;
import cloud.consolesensei.finding.RunHistory;
import cloud.consolesensei.finding.Severity;
import cloud.consolesensei.report.AccountFacts;
import cloud.consolesensei.report.ReportScope;
import cloud.consolesensei.run.AuditRuns;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Builds the {@link EmailSummary} of one recipient list's scope (all accounts of the run, or one
 * account) from aggregates: {@link RunHistory} counts of this run and the scope's previous run ({@link AuditRuns}),
 * bounded lists from {@link SummaryQueries}, and the {@link AccountFacts} beans (month to date,
 * forecast...). Suppressed findings are left out of every count, list and amount except their own
 * count.
 */
@Component
public class SummaryComposer {

    private final RunHistory history;
    private final AuditRuns runs;
    private final SummaryQueries queries;
    private final List<AccountFacts> facts;
    private final CheckCatalog catalog;

    public SummaryComposer(RunHistory history, AuditRuns runs, SummaryQueries queries, List<AccountFacts> facts,
                           CheckCatalog catalog) {
        this.history = history;
        this.runs = runs;
        this.queries = queries;
        this.facts = facts;
        this.catalog = catalog;
    }

    /**
     * The summary of {@code scope} (a run's whole scope, or a one-account view of it).
     *
     * @param scope          what this summary covers: {@code all} compares with the previous
     *                       all-accounts run, one account with the previous run that audited it
     * @param executionId    job execution id
     * @param elapsed        run duration so far
     * @param workbook       file name of the workbook the message refers to
     * @param attachmentNote note when the workbook is not attached, else null
     */
    public EmailSummary compose(ReportScope scope, long executionId, Duration elapsed,
                                String workbook, String attachmentNote) {
        String run = scope.runId();
        List<String> accounts = scope.accountIds();
        RunCounts now = history.counts(run, accounts);
        // the previous run of the same scope (one account's own scope: also the all runs, which write it)
        Optional<String> prev = scope.oneAccount()
                ? runs.previousOfAccount(run, accounts.get(0))
                : runs.previousOfScope(run, scope.scope());
        RunCounts before = prev.map(p -> history.counts(p, accounts)).orElse(null);
        List<EmailSummary.SeverityLine> sev = new ArrayList<>();
        for (Severity s : Severity.values()) {
            sev.add(new EmailSummary.SeverityLine(s.name(), now.of(s), before == null ? "" : delta(now.of(s) - before.of(s))));
        }
        sev.add(new EmailSummary.SeverityLine("Total", now.total(), before == null ? "" : delta(now.total() - before.total())));
        List<EmailSummary.FindingLine> top = queries.topNew(run, accounts, MailSummaryNotifier.TOP).stream().map(this::line).toList();
        List<EmailSummary.FindingLine> resolved = queries.resolved(run, accounts, MailSummaryNotifier.TOP).stream().map(this::line).toList();
        List<EmailSummary.MoneyLine> savings = money(run, accounts, MoneyKind.SAVINGS);
        List<EmailSummary.MoneyLine> alerts = money(run, accounts, MoneyKind.COST_ALERT);
        List<EmailSummary.GapLine> gaps = queries.gaps(run, accounts, MailSummaryNotifier.TOP).stream()
                .map(g -> new EmailSummary.GapLine(g.accountId(), g.region(), g.service(), g.operation(), g.label(),
                        g.message(), g.remedy())).toList();
        String subject = subject(scope, now);
        return new EmailSummary(scope.demo(), scope.scope(), label(scope), subject, scope.asOf(), run, executionId,
                duration(elapsed), prev.orElse(null), sev, now.newCount(), now.resolved(), now.suppressed(),
                CostFormat.usd(now.savings()), CostFormat.usd(now.costAlerts()), top,
                Math.max(0, queries.countNewCriticalHigh(run, accounts) - top.size()),
                resolved, Math.max(0, now.resolved() - resolved.size()), savings, alerts, facts(scope), gaps,
                queries.countGaps(run, accounts), workbook, attachmentNote);
    }

    /**
     * {@code [ConsoleSensei] <scope>: <savings> USD/month savings — <n> critical, <n> high, <n> new}, then
     * {@code , <alerts> USD in cost alerts} when there are any; {@code DEMO } first in demo mode. The
     * savings lead: they are the money someone can act on; cost alerts are never added to them.
     */
    static String subject(ReportScope scope, RunCounts c) {
        String alerts = c.costAlerts().signum() == 0 ? "" : ", " + CostFormat.usd(c.costAlerts()) + " in cost alerts";
        return (scope.demo() ? "DEMO " : "") + "[ConsoleSensei] " + scope.scope() + ": " + CostFormat.usd(c.savings())
                + "/month savings \u2014 " + c.of(Severity.CRITICAL) + " critical, " + c.of(Severity.HIGH) + " high, "
                + c.newCount() + " new" + alerts;
    }

    private List<EmailSummary.MoneyLine> money(String run, List<String> accounts, MoneyKind kind) {
        return queries.moneyByCheck(run, accounts, catalog.ids(kind), MailSummaryNotifier.TOP).stream()
                .map(m -> new EmailSummary.MoneyLine(m.checkId(), m.title(), m.findings(), m.unpriced(), CostFormat.usd(m.usd()))).toList();
    }

    private List<EmailSummary.AccountFactsBlock> facts(ReportScope scope) {
        List<EmailSummary.AccountFactsBlock> out = new ArrayList<>();
        for (AccountTarget a : scope.accounts()) {
            List<EmailSummary.Fact> fs = new ArrayList<>();
            for (AccountFacts f : facts) {
                for (AccountFacts.Fact x : f.facts(a.id(), scope)) {
                    String v = x.value() == null ? "unknown"
                            : x.usd() && x.value() instanceof BigDecimal b ? CostFormat.usd(b) : x.value().toString();
                    fs.add(new EmailSummary.Fact(x.label(), v));
                }
            }
            if (!fs.isEmpty()) out.add(new EmailSummary.AccountFactsBlock(a.name() + " (" + a.id() + ")", fs));
        }
        return out;
    }

    private EmailSummary.FindingLine line(SummaryQueries.Row r) {
        String amount = r.monthlyUsd() == null ? ""
                : CostFormat.usd(r.monthlyUsd()) + (catalog.money(r.checkId()) == MoneyKind.SAVINGS ? "/month" : "");
        return new EmailSummary.FindingLine(r.severity().name(), r.accountId(), r.region(), r.resourceId(), r.checkId(),
                r.title(), amount, r.date() == null ? "" : r.date().toString());
    }

    private static String label(ReportScope scope) {
        if (scope.oneAccount() && scope.accounts().size() == 1) {
            AccountTarget a = scope.accounts().get(0);
            return a.name() + " (" + a.id() + ")";
        }
        String limited = scope.limitedTo();
        return limited == null ? "all accounts (" + scope.accounts().size() + ")" : "limited to " + limited;
    }

    private static String delta(int d) {
        return d > 0 ? "+" + d : Integer.toString(d);
    }

    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format("%dh %02dm %02ds", s / 3600, s / 60 % 60, s % 60)
                : String.format("%dm %02ds", s / 60, s % 60);
    }
}
