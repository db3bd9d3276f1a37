package cloud.consolesensei.job;

import java.nio.file.Path;
import java.util.List;

import org.springframework.batch.core.BatchStatus;

/**
 * How a job execution ended, as the CLI reports it.
 *
 * @param executionId  Spring Batch job execution id
 * @param runId        run id (job instance)
 * @param status       batch status (COMPLETED, FAILED, STOPPED, ...)
 * @param exitCode     README exit code: 0 all audited (informational gaps allowed), 3 coverage
 *                     gaps, 4 all audited but an email not delivered, 1 failed
 * @param files        files written (reports, then summaries), in order
 * @param gaps         coverage gaps that are not informational
 * @param messages     lines to print (failure reasons with remedies, notify outcome)
 */
public record RunOutcome(long executionId, String runId, String status, int exitCode, List<Path> files, int gaps,
                         List<String> messages) {

    /**
     * The README exit code of a job execution that ended with {@code status}: 0 every account
     * and check audited, 3 finished with (non-informational) coverage gaps, 4 every account and
     * check audited but an email could not be delivered (gaps win: the report itself is incomplete),
     * 1 otherwise (failed or stopped).
     */
    public static int exitCode(BatchStatus status, int gaps, boolean notifyFailed) {
        if (status != BatchStatus.COMPLETED) return 1;
        return gaps > 0 ? 3 : notifyFailed ? 4 : 0;
    }
}
