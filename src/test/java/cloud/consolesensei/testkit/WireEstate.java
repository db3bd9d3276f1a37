package cloud.consolesensei.testkit;

import static cloud.consolesensei.testkit.AwsWire.action;
import static cloud.consolesensei.testkit.AwsWire.signed;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A small AWS estate served by {@link AwsWire} from the answer files under {@code aws/<service>/}
 * ({@link AwsTemplate}), every answer shaped as the API references document it: STS
 * (GetCallerIdentity, AssumeRole), EC2/EBS (instances paged, volumes, snapshots, addresses, security
 * groups, default encryption, snapshot block public access), Auto Scaling, IAM (credential report,
 * users, roles, password policy), S3 (bucket list, account public access block), CloudWatch, the
 * Price List, Cost Explorer and billing (JSON). Answers are told apart by the key, region and service
 * of the SigV4 signature.
 */
public final class WireEstate {

    /** The secret and session token of the assumed role's sessions. */
    public static final String ROLE_SECRET = "role/secret/do-not-leak/00000000000000002";
    public static final String ROLE_TOKEN = "FwoGZXIvYXdzEXAMPLEtokenDoNotLeak";

    private final AwsWire aws;

    public WireEstate(AwsWire aws) {
        this.aws = aws;
    }

    /** sts:GetCallerIdentity of the base credentials: the user {@code auditor} of {@code account}. */
    public void callerIdentity(String account) {
        aws.stub(signed(action("GetCallerIdentity"), AwsWire.BASE_KEY, ".*", "sts").willReturn(callerIdentityAnswer(account)));
    }

    /** The GetCallerIdentity answer of the user {@code auditor} of {@code account}. */
    public static ResponseDefinitionBuilder callerIdentityAnswer(String account) {
        return AwsTemplate.of("sts/get-caller-identity.xml").answer(AwsWire.XML, "arn", "arn:aws:iam::" + account
                + ":user/auditor", "userId", "AIDACKCEVSQ6C2EXAMPLE", "account", account);
    }

    /**
     * sts:AssumeRole of {@code roleArn} handing out {@code roleKey} sessions that expire at
     * {@code expiration} (ISO-8601), and sts:GetCallerIdentity of that session.
     */
    public void assumeRole(String roleArn, String account, String roleKey, String expiration) {
        aws.stub(action("AssumeRole").withRequestBody(containing("RoleArn=" + URLEncoder.encode(roleArn, StandardCharsets.UTF_8)))
                .willReturn(session(account, "audit", roleKey, ROLE_SECRET, expiration)));
        aws.stub(signed(action("GetCallerIdentity"), roleKey, ".*", "sts").willReturn(AwsTemplate.of("sts/get-caller-identity.xml")
                .answer(AwsWire.XML, "arn", "arn:aws:sts::" + account + ":assumed-role/audit/consolesensei-" + account,
                        "userId", "AROA3XFRBF535PLBIFPI4:consolesensei-" + account, "account", account)));
    }

    /**
     * An AssumeRole answer: a session of role {@code role} in {@code account} with key
     * {@code accessKeyId}, secret {@code secret} and {@link #ROLE_TOKEN}, expiring at {@code expiration}
     * (ISO-8601, or a WireMock response template such as {@code {{now offset='20 seconds'}}}).
     */
    public static ResponseDefinitionBuilder session(String account, String role, String accessKeyId, String secret,
                                                    String expiration) {
        return AwsTemplate.of("sts/assume-role.xml").answer(AwsWire.XML, "account", account, "role", role,
                "accessKeyId", accessKeyId, "secretAccessKey", secret, "sessionToken", ROLE_TOKEN, "expiration", expiration);
    }

    /** Every service of one account: EC2/EBS and Auto Scaling in each region, IAM, S3, Cost Explorer and billing. */
    public void account(String key, String account, List<String> regions, LocalDate asOf) {
        for (String region : regions) {
            ec2(key, account, region, tag(account, region));
            autoScaling(key, region);
            cloudWatch(key, region);
        }
        priceList(key);
        iam(key, account);
        s3(key, account);
        costExplorer(key, asOf);
        billing(key);
    }

    /**
     * AWS Budgets (JSON 1.1) and the AWS Invoicing API (JSON 1.0) of an account without budgets or invoices:
     * both answer with an empty list, as they do for such an account.
     */
    public void billing(String key) {
        aws.stub(signed(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSBudgetServiceGateway.DescribeBudgets")),
                key, "us-east-1", "budgets").willReturn(AwsWire.fromFile("budgets/describe-budgets-none.json", AwsWire.JSON_11)));
        aws.stub(signed(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("Invoicing.ListInvoiceSummaries")),
                key, "us-east-1", "invoicing").willReturn(AwsWire.fromFile("invoicing/list-invoice-summaries-none.json",
                AwsWire.JSON_10)));
    }

    /** Resource id stem of an account and region: distinct per pair, hex like EC2's. */
    public static String tag(String account, String region) {
        return account.substring(0, 2) + Integer.toHexString(Math.abs(region.hashCode()) % 4096) + "0000000000";
    }

    /**
     * The EC2/EBS estate of one account and region (files {@code aws/ec2/*-estate*.xml}); resource ids
     * carry {@code t}. Paged DescribeInstances (NextToken): a running t2.micro with IMDSv1, then a
     * stopped m5.large with its gp3 volume; an unattached gp2 volume, an old and an orphaned snapshot,
     * an unassociated Elastic IP, SSH open to the world, default encryption off.
     */
    public void ec2(String key, String account, String region, String t) {
        Object[] ids = {"t", t, "account", account, "region", region};
        aws.stub(signed(action("DescribeInstances").withRequestBody(notContaining("NextToken")), key, region, "ec2")
                .willReturn(ec2File("describe-instances-estate-page-1.xml", ids)));
        aws.stub(signed(action("DescribeInstances").withRequestBody(containing("NextToken=page2-" + t)), key, region, "ec2")
                .willReturn(ec2File("describe-instances-estate-page-2.xml", ids)));
        aws.stub(signed(action("DescribeVolumes").withRequestBody(containing("attachment.instance-id")), key, region, "ec2")
                .willReturn(ec2File("describe-volumes-estate-attached.xml", ids)));
        aws.stub(signed(action("DescribeVolumes").withRequestBody(notContaining("attachment.instance-id")), key, region, "ec2")
                .willReturn(ec2File("describe-volumes-estate.xml", ids)));
        aws.stub(signed(action("DescribeSnapshots").withRequestBody(containing("RestorableBy")), key, region, "ec2")
                .willReturn(AwsWire.fromFile("ec2/describe-snapshots-none.xml", AwsWire.XML)));
        aws.stub(signed(action("DescribeSnapshots").withRequestBody(notContaining("RestorableBy")), key, region, "ec2")
                .willReturn(ec2File("describe-snapshots-estate.xml", ids)));
        aws.stub(signed(action("DescribeImages"), key, region, "ec2")
                .willReturn(AwsWire.fromFile("ec2/describe-images-none.xml", AwsWire.XML)));
        aws.stub(signed(action("DescribeAddresses"), key, region, "ec2").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", AwsWire.XML)
                .withBody(Ec2Xml.describeAddresses(Ec2Xml.unassociated("203.0.113.25", "eipalloc-" + t + "1", region)))));
        aws.stub(signed(action("DescribeSecurityGroups"), key, region, "ec2")
                .willReturn(ec2File("describe-security-groups-estate.xml", ids)));
        aws.stub(signed(action("GetEbsEncryptionByDefault"), key, region, "ec2")
                .willReturn(ec2File("get-ebs-encryption-by-default.xml", "enabled", false)));
        aws.stub(signed(action("GetSnapshotBlockPublicAccessState"), key, region, "ec2")
                .willReturn(AwsWire.fromFile("ec2/get-snapshot-block-public-access-state-unblocked.xml", AwsWire.XML)));
    }

    private static ResponseDefinitionBuilder ec2File(String file, Object... values) {
        AwsTemplate template = AwsTemplate.of("ec2/" + file);
        // each estate file uses some of the ids: pass only those it has
        List<Object> used = new ArrayList<>();
        for (int i = 0; i < values.length; i += 2) {
            if (template.placeholders().contains(values[i])) {
                used.add(values[i]);
                used.add(values[i + 1]);
            }
        }
        return template.answer(AwsWire.XML, used.toArray());
    }

    /** Auto Scaling: no groups. */
    public void autoScaling(String key, String region) {
        aws.stub(signed(action("DescribeAutoScalingGroups"), key, region, "autoscaling")
                .willReturn(AwsWire.fromFile("autoscaling/describe-auto-scaling-groups-none.xml", AwsWire.XML)));
    }

    /** IAM: a credential report with the root user (no MFA), no users or roles, no password policy. */
    public void iam(String key, String account) {
        String report = AwsTemplate.of("iam/credential-report-root-only.csv").fill("account", account);
        String content = Base64.getEncoder().encodeToString(report.getBytes(StandardCharsets.UTF_8));
        iamAnswer(key, "GenerateCredentialReport", AwsWire.fromFile("iam/generate-credential-report-complete.xml", AwsWire.XML));
        iamAnswer(key, "GetCredentialReport", AwsTemplate.of("iam/get-credential-report.xml").answer(AwsWire.XML,
                "content", content, "generatedTime", "2026-11-28T10:00:00Z"));
        iamAnswer(key, "ListUsers", AwsWire.fromFile("iam/list-users-none.xml", AwsWire.XML));
        iamAnswer(key, "ListRoles", AwsWire.fromFile("iam/list-roles-none.xml", AwsWire.XML));
        iamAnswer(key, "GetAccountAuthorizationDetails",
                AwsWire.fromFile("iam/get-account-authorization-details-none.xml", AwsWire.XML));
        iamAnswer(key, "GetAccountPasswordPolicy", AwsTemplate.of("iam/error-no-such-entity-password-policy.xml")
                .answer(404, AwsWire.XML, "account", account));
    }

    private void iamAnswer(String key, String op, ResponseDefinitionBuilder answer) {
        aws.stub(signed(action(op), key, "[a-z0-9-]+", "iam").willReturn(answer));
    }

    /** S3: no buckets; the account's public access block fully on. */
    public void s3(String key, String account) {
        aws.stub(signed(get(urlPathEqualTo("/")), key, "us-east-1", "s3")
                .willReturn(AwsWire.fromFile("s3/list-buckets-none.xml", "application/xml")));
        aws.stub(signed(get(urlPathEqualTo("/v20180820/configuration/publicAccessBlock")), key, "us-east-1", "s3")
                .withHeader("x-amz-account-id", equalTo(account))
                .willReturn(AwsTemplate.of("s3control/get-public-access-block.xml").answer("application/xml",
                        "blockPublicAcls", true, "ignorePublicAcls", true, "blockPublicPolicy", true, "restrictPublicBuckets", true)));
    }

    /** CloudWatch (Query protocol, XML): GetMetricData with no datapoint for any query (metrics not published). */
    public void cloudWatch(String key, String region) {
        aws.stub(signed(action("GetMetricData"), key, region, "monitoring")
                .willReturn(AwsWire.fromFile("cloudwatch/get-metric-data-no-datapoints.xml", AwsWire.XML)));
    }

    /** AWS Price List Query API (JSON 1.1, us-east-1): GetProducts finds no product. */
    public void priceList(String key) {
        aws.stub(signed(AwsWire.priceList("GetProducts"), key, "us-east-1", "pricing")
                .willReturn(AwsWire.fromFile("pricing/get-products-no-product.json", AwsWire.JSON_11)));
    }

    /**
     * Cost Explorer (JSON 1.1): 7 months by service (EC2 900-960 USD a closed month, 700.10 USD the
     * open one; S3 55.55 USD), 61 days (45 or 55 USD, 180.25 USD two days before {@code asOf}), a
     * forecast of 400 USD.
     */
    public void costExplorer(String key, LocalDate asOf) {
        AwsTemplate month = AwsTemplate.of("ce/result-by-time-ec2-s3.json");
        List<String> months = new ArrayList<>();
        LocalDate first = asOf.withDayOfMonth(1);
        for (int i = 6; i >= 0; i--) {
            LocalDate s = first.minusMonths(i);
            LocalDate e = i == 0 ? asOf.plusDays(1) : s.plusMonths(1);
            String ec2 = i == 0 ? "700.10" : String.valueOf(900 + 10 * (6 - i)) + ".00";
            months.add(month.fill("start", s, "end", e, "ec2", ec2, "s3", "55.55", "estimated", i == 0));
        }
        AwsTemplate day = AwsTemplate.of("ce/result-by-time-total.json");
        List<String> days = new ArrayList<>();
        for (LocalDate d = asOf.minusDays(60); !d.isAfter(asOf); d = d.plusDays(1)) {
            String amount = d.equals(asOf.minusDays(2)) ? "180.25" : d.getDayOfMonth() % 2 == 0 ? "45.00" : "55.00";
            days.add(day.fill("start", d, "end", d.plusDays(1), "amount", amount, "estimated", false));
        }
        aws.stub(ce(key, "GetCostAndUsage").withRequestBody(matchingJsonPath("$.Granularity", equalTo("MONTHLY")))
                .willReturn(AwsTemplate.of("ce/get-cost-and-usage-by-service.json").answer(AwsWire.JSON_11,
                        "results", String.join(", ", months))));
        aws.stub(ce(key, "GetCostAndUsage").withRequestBody(matchingJsonPath("$.Granularity", equalTo("DAILY")))
                .willReturn(AwsTemplate.of("ce/get-cost-and-usage-total.json").answer(AwsWire.JSON_11,
                        "results", String.join(", ", days))));
        aws.stub(ce(key, "GetCostForecast").willReturn(AwsTemplate.of("ce/get-cost-forecast.json").answer(AwsWire.JSON_11,
                "amount", "400.00", "start", asOf, "end", first.plusMonths(1))));
    }

    /** A Cost Explorer request ({@code X-Amz-Target: AWSInsightsIndexService.<op>}) signed with {@code key}. */
    public static MappingBuilder ce(String key, String op) {
        return signed(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSInsightsIndexService." + op)),
                key, "us-east-1", "ce");
    }
}
