package cloud.consolesensei.coverage;

import cloud.consolesensei.aws.ErrorClass;

/**
 * One part of the estate that could not be read: a row of the coverage CSV and Coverage sheet.
 * Unique per (account, region, service, operation, error class) within a run.
 *
 * @param accountId  12-digit AWS account ID
 * @param region     region, or {@code global} for global services
 * @param service    AWS SDK service id ({@code ec2}, {@code s3}, {@code s3control}, {@code iam},
 *                   {@code sts}, {@code autoscaling}, {@code ce}, {@code organizations})
 * @param operation  API operation name, e.g. {@code DescribeVolumes}
 * @param errorClass what kind of failure
 * @param message    what AWS said; names the resources affected when narrower than the operation
 * @param info       true for informational gaps (region not enabled, forecast data unavailable):
 *                   they are listed but do not make the run exit 3
 */
public record CoverageGap(String accountId, String region, String service, String operation,
                          ErrorClass errorClass, String message, boolean info) {

    /** The remedy sentence for this gap's class. */
    public String remedy() {
        return errorClass.remedy();
    }
}
