package cloud.consolesensei.finding;

import cloud.consolesensei.run.AuditRuns;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * Read side of the findings history: a run's figures ({@link RunCounts}) for some accounts, per
 * account, and the trend of a scope's last runs. Figures come from the run's stored totals
 * ({@link RunTotals}) once its reconcile step has stored them, else are grouped from its history
 * ({@code run_finding}) in one read; either way memory does not grow with the number of findings.
 * The Summary sheet, the email, the pages and the API read them from here. Which runs came before
 * a run is {@link AuditRuns}' to say.
 */
@Service
public class RunHistory {

    private final RunTotals totals;
    private final FindingTally tally;
    private final AuditRuns runs;

    RunHistory(RunTotals totals, FindingTally tally, AuditRuns runs) {
        this.totals = totals;
        this.tally = tally;
        this.runs = runs;
    }

    /**
     * One point of the trend.
     *
     * @param runId  the run
     * @param asOf   its as-of date (UTC)
     * @param counts its figures
     */
    public record TrendPoint(String runId, LocalDate asOf, RunCounts counts) {
    }

    /** Figures of {@code runId} for {@code accountIds} (zeros when empty). */
    public RunCounts counts(String runId, Collection<String> accountIds) {
        if (accountIds.isEmpty()) return RunCounts.empty();
        return countsOf(List.of(runId), accountIds).getOrDefault(runId, RunCounts.empty());
    }

    /**
     * The trend of a scope: its last {@code limit} runs up to and including {@code runId}, oldest
     * first, each with its figures. Scope {@code all}: the runs of scope {@code all} (audit_run.scope),
     * all their accounts. Scope = an account ID: the runs that audited that account (one-account runs
     * and all-accounts runs alike), counting that account's findings only.
     */
    public List<TrendPoint> trend(String scope, String runId, int limit) {
        // one account's own scope counts that account's findings (an all run holds others too)
        boolean all = !scope.matches("\\d{12}");
        Map<String, LocalDate> last = runs.lastRuns(scope, runId, limit);
        if (last.isEmpty()) return List.of();
        List<String> ids = new ArrayList<>(last.keySet());
        Map<String, RunCounts> counts = countsOf(ids, all ? null : List.of(scope));
        List<TrendPoint> out = new ArrayList<>();
        for (int i = ids.size() - 1; i >= 0; i--) {
            String id = ids.get(i);
            out.add(new TrendPoint(id, last.get(id), counts.getOrDefault(id, RunCounts.empty())));
        }
        return out;
    }

    private Map<String, RunCounts> countsOf(List<String> runIds, Collection<String> accountIds) {
        Map<String, Map<String, RunCounts>> stored = totals.read(runIds, accountIds);
        List<String> missing = runIds.stream().filter(r -> !stored.containsKey(r)).toList();
        Map<String, RunCounts> out = new LinkedHashMap<>();
        if (!missing.isEmpty()) out.putAll(tally.byRun(missing, accountIds));
        stored.forEach((run, byAccount) -> out.put(run, RunCounts.sum(byAccount.values())));
        return out;
    }

    /**
     * Figures of {@code runId} per account of {@code accountIds}; an account without findings maps to
     * zeros. Read from the run's stored totals, else grouped from its history in one read (not one
     * per account).
     */
    public Map<String, RunCounts> countsByAccount(String runId, Collection<String> accountIds) {
        Map<String, RunCounts> out = new LinkedHashMap<>();
        if (accountIds.isEmpty()) return out;
        Map<String, RunCounts> found = totals.read(List.of(runId), accountIds).get(runId);
        if (found == null) found = tally.byAccount(runId, accountIds);
        for (String a : accountIds) out.put(a, found.getOrDefault(a, RunCounts.empty()));
        return out;
    }
}
