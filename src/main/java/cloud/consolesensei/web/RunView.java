package cloud.consolesensei.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One job execution as the API returns it and the console shows it (README, "Web console, HTTP
 * API and metrics"). Fields not known yet ({@code finishedAt}, {@code exitCode}, the figures of a running
 * execution) are null.
 *
 * @param executionId   Spring Batch job execution id
 * @param runId         the run (job instance) it belongs to
 * @param asOf          the as-of date
 * @param scope         the report scope ({@code all}, the account ids, {@code @regions})
 * @param status        Spring Batch status: STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED, ABANDONED
 * @param alive         true while the process running it is alive
 * @param exitCode      the README exit code once it ended
 * @param startedAt     start, UTC, whole seconds
 * @param finishedAt    end, UTC, whole seconds
 * @param accounts      the account ids it audits (null until known)
 * @param regions       the regions it was limited to, or null for each account's own
 * @param findings      seen findings (NEW and OPEN, not SUPPRESSED) by severity, all five keys
 * @param savingsUsd    savings of the seen findings, USD per month (each resource once, at its largest figure)
 * @param costAlertsUsd cost alerts of the seen findings, USD (never added to the savings)
 * @param coverageGaps  coverage gaps that make the run exit 3
 * @param reports       the files it wrote that are still its own
 */
public record RunView(long executionId, String runId, LocalDate asOf, String scope, String status, boolean alive,
                      Integer exitCode, Instant startedAt, Instant finishedAt, List<String> accounts,
                      List<String> regions, Map<String, Integer> findings, BigDecimal savingsUsd,
                      BigDecimal costAlertsUsd, Integer coverageGaps, List<ReportLink> reports) {

    /**
     * A file of the run, as a download link.
     *
     * @param name its file name
     * @param url  the API URL that serves it
     */
    public record ReportLink(String name, String url) {
    }

    /** True while the execution has not ended. */
    public boolean running() {
        return finishedAt == null && ("STARTING".equals(status) || "STARTED".equals(status) || "STOPPING".equals(status));
    }

    /** True when an ADMIN may restart it (it ended FAILED or STOPPED, or its process died). */
    public boolean restartable() {
        return "FAILED".equals(status) || "STOPPED".equals(status) || (running() && !alive);
    }

    /** How long it ran, in seconds (null until it ended). */
    public Long durationSeconds() {
        return startedAt == null || finishedAt == null ? null : finishedAt.getEpochSecond() - startedAt.getEpochSecond();
    }
}
