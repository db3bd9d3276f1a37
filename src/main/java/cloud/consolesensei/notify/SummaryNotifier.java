package cloud.consolesensei.notify;

import cloud.consolesensei.report.ReportScope;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends (or writes) a run's email summaries after the reports exist. It writes no report: the
 * report step writes every workbook a summary attaches, including the one-account workbooks this
 * notifier asks for ({@link #ownWorkbooks}).
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
     * The one-account scopes of {@code scope} that get a workbook and a summary of their own, each
     * summary attaching its own workbook ({@code consolesensei-<account>-<as-of>.xlsx}) that the
     * report step writes.
     *
     * @param unreachable account IDs of the scope that could not be audited at all (their role could
     *                    not be assumed)
     */
    List<ReportScope> ownWorkbooks(ReportScope scope, Set<String> unreachable);

    /**
     * Renders and delivers the summaries of one run.
     *
     * @param scope          what the run covered
     * @param workbooks      report scope ({@link ReportScope#scope()}) to its written workbook: the
     *                       run's, and those of {@link #ownWorkbooks}; a scope without one is sent
     *                       without attachment
     * @param reportsDir     the reports root
     * @param noEmail        write the .eml only, send nothing
     * @param jobExecutionId the Spring Batch job execution id (shown in the email)
     * @param elapsed        run duration so far
     */
    Outcome notify(ReportScope scope, Map<String, Path> workbooks, Path reportsDir, boolean noEmail,
                   long jobExecutionId, Duration elapsed);
}
