package cloud.consolesensei.notify;

import cloud.consolesensei.report.ReportScope;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Sends (or writes) a run's email summaries after the reports exist.
 */
public interface SummaryNotifier {

    /**
     * What happened.
     *
     * @param written        files written ({@code summary-<scope>-<as-of>.eml}, ...)
     * @param deliveryFailed true when a message could not be delivered after retries (the run exits 4 unless it has gaps;
     *                       the .eml is kept)
     * @param message        one line for the run's output
     */
    record Outcome(List<Path> written, boolean deliveryFailed, String message) {
    }

    /**
     * Renders and delivers the summaries of one run.
     *
     * @param scope          what the run covered
     * @param reports        the written report files (workbook first)
     * @param reportsDir     the reports root
     * @param noEmail        write the .eml only, send nothing
     * @param jobExecutionId the Spring Batch job execution id (shown in the email)
     * @param elapsed        run duration so far
     */
    Outcome notify(ReportScope scope, List<Path> reports, Path reportsDir, boolean noEmail, long jobExecutionId,
                   Duration elapsed);
}
