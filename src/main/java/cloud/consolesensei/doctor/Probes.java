package cloud.consolesensei.doctor;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.costexplorer.model.Granularity;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.invoicing.model.ListInvoiceSummariesResourceType;

/**
 * The probe of each IAM action the checks need (CheckDefinition#iamActions): the cheapest read-only
 * call that needs exactly that action, with the smallest page (MaxResults 5, MaxItems 1). Calls
 * about a resource that does not exist (IAM user {@value #PROBE_USER}) are authorized before the
 * lookup, so "NoSuchEntity" means allowed. The two Cost Explorer probes are billed 0.01 USD each, the
 * GetMetricData probe one metric (0.00001 USD).
 */
final class Probes {

    /** A user name that should not exist: IAM answers NoSuchEntity when the action is allowed. */
    static final String PROBE_USER = "consolesensei-doctor-probe";
    /** An AWS managed policy every account can read. */
    static final String MANAGED_POLICY = "arn:aws:iam::aws:policy/ReadOnlyAccess";

    private static final Map<String, ActionProbe> BY_ACTION = new LinkedHashMap<>();

    static {
        // EC2 / EBS
        add("ec2:DescribeInstances", (c, a, r, t) -> c.ec2(a, r).describeInstances(b -> b.maxResults(5)));
        add("ec2:DescribeVolumes", (c, a, r, t) -> c.ec2(a, r).describeVolumes(b -> b.maxResults(5)));
        add("ec2:DescribeSnapshots", (c, a, r, t) -> c.ec2(a, r).describeSnapshots(b -> b.ownerIds("self").maxResults(5)));
        add("ec2:DescribeImages", (c, a, r, t) -> c.ec2(a, r).describeImages(b -> b.owners("self").maxResults(5)));
        add("ec2:DescribeAddresses", (c, a, r, t) -> c.ec2(a, r).describeAddresses(b -> { }));
        add("ec2:DescribeSecurityGroups", (c, a, r, t) -> c.ec2(a, r).describeSecurityGroups(b -> b.maxResults(5)));
        add("ec2:GetEbsEncryptionByDefault", (c, a, r, t) -> c.ec2(a, r).getEbsEncryptionByDefault(b -> { }));
        add("ec2:GetSnapshotBlockPublicAccessState",
                (c, a, r, t) -> c.ec2(a, r).getSnapshotBlockPublicAccessState(b -> { }));
        add("ec2:DescribeRegions", (c, a, r, t) -> c.ec2(a, r).describeRegions(b -> { }));
        // Auto Scaling
        add("autoscaling:DescribeAutoScalingGroups",
                (c, a, r, t) -> c.autoScaling(a, r).describeAutoScalingGroups(b -> b.maxRecords(1)));
        // S3: account level, then bucket level on one of the account's buckets
        add("s3:ListAllMyBuckets", (c, a, r, t) -> c.s3(a, "us-east-1").listBuckets(b -> b.maxBuckets(1)));
        add("s3:GetAccountPublicAccessBlock",
                (c, a, r, t) -> c.s3Control(a, "us-east-1").getPublicAccessBlock(b -> b.accountId(a.id())));
        add("s3:GetBucketLocation", (c, a, r, t) -> c.s3(a, "us-east-1").getBucketLocation(b -> b.bucket(t.bucket())));
        add("s3:GetBucketAcl", (c, a, r, t) -> c.s3(a, t.bucketRegion()).getBucketAcl(b -> b.bucket(t.bucket())));
        add("s3:GetBucketPolicy", (c, a, r, t) -> c.s3(a, t.bucketRegion()).getBucketPolicy(b -> b.bucket(t.bucket())));
        add("s3:GetBucketPolicyStatus",
                (c, a, r, t) -> c.s3(a, t.bucketRegion()).getBucketPolicyStatus(b -> b.bucket(t.bucket())));
        add("s3:GetBucketPublicAccessBlock",
                (c, a, r, t) -> c.s3(a, t.bucketRegion()).getPublicAccessBlock(b -> b.bucket(t.bucket())));
        add("s3:GetBucketOwnershipControls",
                (c, a, r, t) -> c.s3(a, t.bucketRegion()).getBucketOwnershipControls(b -> b.bucket(t.bucket())));
        add("s3:GetBucketVersioning", (c, a, r, t) -> c.s3(a, t.bucketRegion()).getBucketVersioning(b -> b.bucket(t.bucket())));
        add("s3:GetLifecycleConfiguration",
                (c, a, r, t) -> c.s3(a, t.bucketRegion()).getBucketLifecycleConfiguration(b -> b.bucket(t.bucket())));
        // IAM
        add("iam:GenerateCredentialReport", (c, a, r, t) -> c.iam(a).generateCredentialReport(b -> { }));
        add("iam:GetCredentialReport", (c, a, r, t) -> c.iam(a).getCredentialReport(b -> { }));
        add("iam:GetAccountAuthorizationDetails",
                (c, a, r, t) -> c.iam(a).getAccountAuthorizationDetails(b -> b.filter(EntityType.ROLE).maxItems(1)));
        add("iam:GetAccountPasswordPolicy", (c, a, r, t) -> c.iam(a).getAccountPasswordPolicy(b -> { }));
        add("iam:ListUsers", (c, a, r, t) -> c.iam(a).listUsers(b -> b.maxItems(1)));
        add("iam:ListRoles", (c, a, r, t) -> c.iam(a).listRoles(b -> b.maxItems(1)));
        add("iam:ListAccessKeys", (c, a, r, t) -> c.iam(a).listAccessKeys(b -> b.userName(PROBE_USER)));
        add("iam:ListAttachedUserPolicies", (c, a, r, t) -> c.iam(a).listAttachedUserPolicies(b -> b.userName(PROBE_USER)));
        add("iam:ListUserPolicies", (c, a, r, t) -> c.iam(a).listUserPolicies(b -> b.userName(PROBE_USER)));
        add("iam:GetUserPolicy", (c, a, r, t) -> c.iam(a).getUserPolicy(b -> b.userName(PROBE_USER).policyName("probe")));
        add("iam:GetPolicy", (c, a, r, t) -> c.iam(a).getPolicy(b -> b.policyArn(MANAGED_POLICY)));
        add("iam:GetPolicyVersion", (c, a, r, t) -> c.iam(a).getPolicyVersion(b -> b.policyArn(MANAGED_POLICY).versionId("v1")));
        // CloudWatch: one metric of an instance id that does not exist (1 metric billed: 0.00001 USD)
        add("cloudwatch:GetMetricData", (c, a, r, t) -> {
            Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
            c.cloudWatch(a, r).getMetricData(b -> b.startTime(end.minusSeconds(3600)).endTime(end)
                    .metricDataQueries(q -> q.id("probe").metricStat(s -> s.period(3600).stat("Average")
                            .metric(m -> m.namespace("AWS/EC2").metricName("CPUUtilization")
                                    .dimensions(d -> d.name("InstanceId").value("i-00000000000000000"))))));
        });
        // Price List Query API (free; endpoint in us-east-1)
        add("pricing:GetProducts", (c, a, r, t) -> c.pricing(a).getProducts(b -> b.serviceCode("AmazonEC2")
                .formatVersion("aws_v1").maxResults(1).filters(f -> f.type("TERM_MATCH").field("instanceType").value("t3.micro"),
                        f -> f.type("TERM_MATCH").field("regionCode").value("us-east-1"))));
        // Cost Explorer (0.01 USD per request)
        add("ce:GetCostAndUsage", (c, a, r, t) -> {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            c.costExplorer(a).getCostAndUsage(b -> b.granularity(Granularity.MONTHLY).metrics("UnblendedCost")
                    .timePeriod(p -> p.start(today.minusDays(1).toString()).end(today.toString())));
        });
        add("ce:GetCostForecast", (c, a, r, t) -> {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            c.costExplorer(a).getCostForecast(b -> b.granularity(Granularity.MONTHLY).metric("UNBLENDED_COST")
                    .timePeriod(p -> p.start(today.toString()).end(today.withDayOfMonth(1).plusMonths(1).toString())));
        });
        // AWS Budgets (DescribeBudgets is authorized by budgets:ViewBudget) and the AWS Invoicing API
        add("budgets:ViewBudget", (c, a, r, t) -> c.budgets(a).describeBudgets(b -> b.accountId(a.id()).maxResults(1)));
        add("invoicing:ListInvoiceSummaries", (c, a, r, t) -> c.invoicing(a).listInvoiceSummaries(b -> b.maxResults(1)
                .selector(s -> s.resourceType(ListInvoiceSummariesResourceType.ACCOUNT_ID).value(a.id()))));
    }

    private Probes() {
    }

    private static void add(String action, ActionProbe.Call call) {
        BY_ACTION.put(action, new ActionProbe(action, call));
    }

    /** The probe of {@code action}, if there is one. */
    static Optional<ActionProbe> of(String action) {
        return Optional.ofNullable(BY_ACTION.get(action));
    }

    /** True for actions whose probe needs a bucket of the account. */
    static boolean needsBucket(String action) {
        return action.startsWith("s3:GetBucket") || action.equals("s3:GetLifecycleConfiguration");
    }
}
