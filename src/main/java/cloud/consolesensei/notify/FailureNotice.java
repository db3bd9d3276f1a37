package cloud.consolesensei.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the failure notice of a scheduled run says, ready for the templates
 * ({@code reports-templates/email/failure.*}). Every text is already free of secrets.
 *
 * @param runId       the run id ({@code audit@2026-01-15T02:00:00Z})
 * @param executionId the job execution id, or null when the run failed before one was created
 * @param scheduledAt the cron instant of the run (UTC)
 * @param asOf        the run's as-of date
 * @param demo        the run audited the built-in demo estate
 * @param causes      one line per cause: the failed step (partition) and its exception's message
 * @param command     what to run once the cause is fixed: {@code java -jar ... restart ID}, or
 *                    {@code java -jar ... run} when there is no execution to restart
 * @param restartable true when {@code command} restarts the execution
 * @param nextRun     the next scheduled run
 */
public record FailureNotice(String runId, Long executionId, Instant scheduledAt, LocalDate asOf, boolean demo,
                            List<String> causes, String command, boolean restartable, Instant nextRun) {

    /** The subject line: what failed, and when. */
    public String subject() {
        return (demo ? "DEMO " : "") + "[ConsoleSensei] FAILED: scheduled audit of " + asOf
                + (executionId == null ? " (not started)" : " (job execution " + executionId + ")");
    }
}
