package cloud.consolesensei.coverage;

import cloud.consolesensei.aws.ErrorClass;

/**
 * One part of the estate that could not be read: a row of the coverage CSV and Coverage sheet.
 * Unique per (account, region, service, operation, error class) within a run.
 *
 * @param accountId  12-digit AWS account ID
 * @param region     region, or {@code global} for global services
 * @param service    AWS SDK service id ({@code ec2}, {@code s3}, {@code s3control}, {@code iam},
 *                   {@code sts}, {@code autoscaling}, {@code ce}, {@code organizations}, {@code budgets},
 *                   {@code invoicing})
 * @param operation  API operation name, e.g. {@code DescribeVolumes}
 * @param errorClass what kind of failure
 * @param message    what AWS said; names the resources affected when narrower than the operation
 * @param info       true for informational gaps (region not enabled, forecast data unavailable):
 *                   they are listed but do not make the run exit 3
 */
public record CoverageGap(String accountId, String region, String service, String operation,
                          ErrorClass errorClass, String message, boolean info) {

    /**
     * What to do about it: the error class's remedy, except for the one gap whose cause is known more
     * narrowly: invoices refused to an account's own credentials (an informational {@code invoicing}
     * AccessDenied) mean it is not the paying account, and {@code cost.payer-account} fixes that.
     */
    public String remedy() {
        if ("invoicing".equals(service) && errorClass == ErrorClass.ACCESS_DENIED && info) return NOT_PAYER_REMEDY;
        return errorClass.remedy();
    }

    /** The remedy of invoices an account may not list with its own credentials. */
    public static final String NOT_PAYER_REMEDY = "Invoices are listed by the paying (management) account: set"
            + " consolesensei.cost.payer-account to its 12-digit ID (its role or the base credentials need"
            + " invoicing:ListInvoiceSummaries), or grant that action to this account if it pays its own bill.";
}
