package cloud.consolesensei.job;

import java.nio.file.Path;
import java.util.List;

/**
 * How a job execution ended, as the CLI reports it.
 *
 * @param executionId  Spring Batch job execution id
 * @param runId        run id (job instance)
 * @param status       batch status (COMPLETED, FAILED, STOPPED, ...)
 * @param exitCode     CONTRACT.md exit code: 0 all audited (informational gaps allowed), 3 coverage
 *                     gaps, 4 all audited but an email not delivered, 1 failed
 * @param files        files written (reports, then summaries), in order
 * @param gaps         coverage gaps that are not informational
 * @param messages     lines to print (failure reasons with remedies, notify outcome)
 */
public record RunOutcome(long executionId, String runId, String status, int exitCode, List<Path> files, int gaps,
                         List<String> messages) {
}
