package cloud.consolesensei.job;

import cloud.consolesensei.report.ReportScope;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * What an admin asked for with {@code run}: the job parameters of one audit job instance.
 * {@code run.id} is the only identifying parameter, so every run is a new job instance and a
 * restart continues the same one.
 *
 * @param runId        unique run id (a new one per {@code run})
 * @param asOf         as-of date, UTC
 * @param accountIds   accounts to audit; empty = every configured account
 * @param regions      regions to audit; empty = each account's configured regions
 * @param reportsDir   where {@code <as-of>/} report folders go
 * @param noEmail      write the .eml, send nothing
 * @param demo         audit the built-in demo estate
 * @param refreshCosts ask Cost Explorer again even for cached periods
 */
public record RunRequest(String runId, LocalDate asOf, List<String> accountIds, List<String> regions, Path reportsDir,
                         boolean noEmail, boolean demo, boolean refreshCosts) {

    public RunRequest {
        accountIds = List.copyOf(accountIds);
        regions = List.copyOf(regions);
    }

    /**
     * The report scope as far as the request alone tells ({@code ReportScope.name}); the run's
     * own ({@code RunResources.scope}) also knows whether the ids named are every account.
     */
    public String scope() {
        return ReportScope.name(accountIds, regions, List.of());
    }

    /**
     * Job parameter: how many accounts were asked for (0 = every account). The ids themselves are
     * rows keyed by the run id ({@code AuditRuns.select}): a job parameter holds at most 2,500
     * characters, about 190 ids as a comma list.
     */
    public static final String SELECTED = "accounts.selected";

    /**
     * As Spring Batch job parameters, without the account ids: the caller stores them by run id
     * first ({@code AuditRuns.select}).
     */
    public JobParameters toJobParameters() {
        return new JobParametersBuilder()
                .addString("run.id", runId, true)
                .addString("as-of", asOf.toString(), false)
                .addLong(SELECTED, (long) accountIds.size(), false)
                .addString("regions", String.join(",", regions), false)
                .addString("reports-dir", reportsDir.toString(), false)
                .addString("no-email", Boolean.toString(noEmail), false)
                .addString("demo", Boolean.toString(demo), false)
                .addString("refresh-costs", Boolean.toString(refreshCosts), false)
                .toJobParameters();
    }

    /**
     * Back from job parameters (a restarted execution) and the stored selection of its run.
     *
     * @param selection the accounts stored for the run ({@code AuditRuns.selection}); ignored for an
     *                  execution started before the selection moved to rows, whose ids are still in
     *                  its {@code accounts} parameter
     */
    public static RunRequest from(JobParameters p, List<String> selection) {
        String legacy = p.getString("accounts");
        return new RunRequest(p.getString("run.id"), LocalDate.parse(p.getString("as-of")),
                legacy != null ? split(legacy) : selection, split(p.getString("regions")), Path.of(p.getString("reports-dir")),
                Boolean.parseBoolean(p.getString("no-email")), Boolean.parseBoolean(p.getString("demo")),
                Boolean.parseBoolean(p.getString("refresh-costs")));
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(",")).map(String::trim).toList();
    }
}
