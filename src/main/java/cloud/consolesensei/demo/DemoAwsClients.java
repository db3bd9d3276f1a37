package cloud.consolesensei.demo;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsClients;

import java.time.LocalDate;

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
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;

/**
 * {@link AwsClients} over the demo estate: fakes of the SDK client interfaces returning model
 * objects built with the SDK's builders. The readers page through them with the SDK's own
 * paginators, exactly as against AWS.
 */
public final class DemoAwsClients implements AwsClients {

    /** The SDK interface with the demo's shared parts ({@link DemoClient}). */
    private interface Fake extends StsClient, DemoClient {
    }

    private final LocalDate asOf;

    /** @param asOf the run's as-of date; demo resources are dated relative to it */
    public DemoAwsClients(LocalDate asOf) {
        this.asOf = asOf;
    }

    @Override
    public Ec2Client ec2(AccountTarget account, String region) {
        return DemoEc2.client(account, region, asOf);
    }

    @Override
    public AutoScalingClient autoScaling(AccountTarget account, String region) {
        return DemoAutoScaling.client(account, region, asOf);
    }

    @Override
    public S3Client s3(AccountTarget account, String region) {
        return DemoS3.client(account, region, asOf);
    }

    @Override
    public S3ControlClient s3Control(AccountTarget account, String region) {
        return DemoS3Control.client(account, region, asOf);
    }

    @Override
    public IamClient iam(AccountTarget account) {
        return DemoIam.client(account, "global", asOf);
    }

    @Override
    public CostExplorerClient costExplorer(AccountTarget account) {
        return DemoCostExplorer.client(account, "global", asOf);
    }

    @Override
    public BudgetsClient budgets(AccountTarget account) {
        return DemoBudgets.client(account, asOf);
    }

    @Override
    public InvoicingClient invoicing(AccountTarget account) {
        return DemoInvoicing.client(account, asOf);
    }

    /**
     * The demo's STS: the base credentials are a user of the demo management account; a role is
     * assumed in any account except {@link DemoOrganizations#ROLE_MISSING}, where AssumeRole is denied
     * (HTTP 403 AccessDenied, as STS answers for a role that is missing or does not trust the caller).
     */
    @Override
    public StsClient sts(AccountTarget account, String region) {
        return new Fake() {
            @Override
            public GetCallerIdentityResponse getCallerIdentity(GetCallerIdentityRequest request) {
                if (account.roleArn() == null) {
                    return GetCallerIdentityResponse.builder().account(DemoOrganizations.MANAGEMENT)
                            .arn("arn:aws:iam::" + DemoOrganizations.MANAGEMENT + ":user/demo-auditor").userId("AIDADEMO")
                            .build();
                }
                if (DemoOrganizations.roleMissing(account.id())) {
                    throw (StsException) StsException.builder().statusCode(403)
                            .message("User: arn:aws:iam::" + DemoOrganizations.MANAGEMENT + ":user/demo-auditor is not"
                                    + " authorized to perform: sts:AssumeRole on resource: " + account.roleArn())
                            .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").serviceName("Sts")
                                    .errorMessage("User: arn:aws:iam::" + DemoOrganizations.MANAGEMENT + ":user/demo-auditor"
                                            + " is not authorized to perform: sts:AssumeRole on resource: " + account.roleArn())
                                    .build())
                            .build();
                }
                String session = account.roleArn().substring(account.roleArn().lastIndexOf('/') + 1);
                return GetCallerIdentityResponse.builder().account(account.id())
                        .arn("arn:aws:sts::" + account.id() + ":assumed-role/" + session + "/consolesensei-" + account.id())
                        .userId("AROADEMO:consolesensei-" + account.id()).build();
            }
        };
    }

    @Override
    public OrganizationsClient organizations(AccountTarget account) {
        return DemoOrganizations.client(account, "global", asOf);
    }

    @Override
    public CloudWatchClient cloudWatch(AccountTarget account, String region) {
        return DemoCloudWatch.client(account, region, asOf);
    }

    /** The demo Price List: the same answers whoever asks. */
    @Override
    public PricingClient pricing(AccountTarget account) {
        return DemoPricing.client();
    }

    @Override
    public boolean demo() {
        return true;
    }

    @Override
    public void close() {
    }
}
