package cloud.consolesensei.check;

import cloud.consolesensei.finding.Finding;

import java.util.List;

/**
 * A catalog check: a pure function from one resource (an AWS SDK model object or a small view
 * record around one) and the run context to zero or more findings. No I/O and no clock: the
 * as-of date, thresholds and prices come from the {@link CheckContext}.
 *
 * @param <R> the resource type the check reads
 */
public interface Check<R> {

    /** The check's catalog entry. */
    CheckDefinition definition();

    /**
     * Evaluates one resource.
     *
     * @return findings for this resource, empty when it passes or when an input the check needs
     *         was not readable (unknown is not "off")
     */
    List<Finding> evaluate(R resource, CheckContext context);
}
