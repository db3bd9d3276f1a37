package cloud.consolesensei.aws;

import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.budgets.BudgetsClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.invoicing.InvoicingClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The one source of AWS SDK v2 clients for a run: one client per (account, region, service),
 * built on first use and reused for the whole run, closed by {@link #close()}. Every client of an
 * account calls through that account's credentials (its role when it has a {@code role-arn}).
 * <p>
 * Implemented for real AWS (and any AWS-compatible endpoint) by {@link SdkAwsClients}, and by the
 * demo estate with fakes of the same interfaces.
 */
public interface AwsClients extends AutoCloseable {

    Ec2Client ec2(AccountTarget account, String region);

    AutoScalingClient autoScaling(AccountTarget account, String region);

    /** S3 client for buckets located in {@code region} (path-style when an endpoint override is in effect). */
    S3Client s3(AccountTarget account, String region);

    /** S3 Control client (account-level public access block); region is where it is signed for. */
    S3ControlClient s3Control(AccountTarget account, String region);

    /** IAM is global; the client is signed for us-east-1 (aws partition). */
    IamClient iam(AccountTarget account);

    /** Cost Explorer is global; signed for us-east-1. */
    CostExplorerClient costExplorer(AccountTarget account);

    /** AWS Budgets is global (JSON 1.1, endpoint budgets.amazonaws.com); signed for us-east-1. */
    BudgetsClient budgets(AccountTarget account);

    /** The AWS Invoicing API (JSON 1.0); its endpoint is in us-east-1. */
    InvoicingClient invoicing(AccountTarget account);

    /** STS client that calls with the account's credentials, at the regional endpoint of {@code region}. */
    StsClient sts(AccountTarget account, String region);

    /** Organizations client (management or delegated administrator account); signed for us-east-1. */
    OrganizationsClient organizations(AccountTarget account);

    /** CloudWatch client of {@code region} (GetMetricData for the usage checks). */
    CloudWatchClient cloudWatch(AccountTarget account, String region);

    /**
     * AWS Price List Query API client, called with the account's credentials. Its endpoint is in
     * us-east-1 (aws partition); {@code AWS_ENDPOINT_URL} / {@code AWS_ENDPOINT_URL_PRICING} apply.
     */
    PricingClient pricing(AccountTarget account);

    /** True when these are demo fakes: every output is then marked DEMO. */
    boolean demo();

    @Override
    void close();

    /**
     * Resolves the base credentials (the SDK's default provider chain, or what these clients were
     * built with) without calling an AWS API: environment, profile files, SSO cache, container or
     * instance role, each within the SDK's own time limits. The credentials are not kept nor shown.
     * The demo estate needs none.
     *
     * @throws RuntimeException the SDK's exception when no credentials can be found
     */
    default void resolveBaseCredentials() {
    }
}
