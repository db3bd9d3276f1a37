package cloud.consolesensei.testkit;

import static cloud.consolesensei.testkit.AwsWire.action;
import static cloud.consolesensei.testkit.AwsWire.signed;
import static cloud.consolesensei.testkit.AwsWire.xml;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A small AWS estate served by {@link AwsWire}, every answer shaped as the API references document
 * it: STS (GetCallerIdentity, AssumeRole), EC2/EBS (instances paged, volumes, snapshots, addresses,
 * security groups, default encryption, snapshot block public access), Auto Scaling, IAM (credential report, users, roles,
 * password policy), S3 (bucket list, account public access block) and Cost Explorer (JSON 1.1).
 * Answers are told apart by the key, region and service of the SigV4 signature.
 */
public final class WireEstate {

    public static final String EC2_NS = Ec2Xml.NS;
    public static final String STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";
    public static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    public static final String ASG_NS = "http://autoscaling.amazonaws.com/doc/2011-01-01/";
    public static final String S3_NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    /** The secret and session token of the assumed role's sessions. */
    public static final String ROLE_SECRET = "role/secret/do-not-leak/00000000000000002";
    public static final String ROLE_TOKEN = "FwoGZXIvYXdzEXAMPLEtokenDoNotLeak";

    private final AwsWire aws;

    public WireEstate(AwsWire aws) {
        this.aws = aws;
    }

    /** sts:GetCallerIdentity of the base credentials. */
    public void callerIdentity(String account) {
        aws.stub(signed(action("GetCallerIdentity"), AwsWire.BASE_KEY, ".*", "sts").willReturn(xml("""
                <GetCallerIdentityResponse xmlns="%s">
                  <GetCallerIdentityResult>
                    <Arn>arn:aws:iam::%s:user/auditor</Arn>
                    <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
                    <Account>%s</Account>
                  </GetCallerIdentityResult>
                  <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
                </GetCallerIdentityResponse>""".formatted(STS_NS, account, account))));
    }

    /**
     * sts:AssumeRole of {@code roleArn} handing out {@code roleKey} sessions that expire at
     * {@code expiration} (ISO-8601), and sts:GetCallerIdentity of that session.
     */
    public void assumeRole(String roleArn, String account, String roleKey, String expiration) {
        aws.stub(action("AssumeRole").withRequestBody(containing("RoleArn=" + java.net.URLEncoder.encode(roleArn, StandardCharsets.UTF_8)))
                .willReturn(xml("""
                <AssumeRoleResponse xmlns="%s">
                  <AssumeRoleResult>
                    <AssumedRoleUser>
                      <Arn>arn:aws:sts::%s:assumed-role/audit/consolesensei-%s</Arn>
                      <AssumedRoleId>AROA3XFRBF535PLBIFPI4:consolesensei-%s</AssumedRoleId>
                    </AssumedRoleUser>
                    <Credentials>
                      <AccessKeyId>%s</AccessKeyId>
                      <SecretAccessKey>%s</SecretAccessKey>
                      <SessionToken>%s</SessionToken>
                      <Expiration>%s</Expiration>
                    </Credentials>
                    <PackedPolicySize>6</PackedPolicySize>
                  </AssumeRoleResult>
                  <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
                </AssumeRoleResponse>""".formatted(STS_NS, account, account, account, roleKey, ROLE_SECRET, ROLE_TOKEN,
                        expiration))));
        aws.stub(signed(action("GetCallerIdentity"), roleKey, ".*", "sts").willReturn(xml("""
                <GetCallerIdentityResponse xmlns="%s">
                  <GetCallerIdentityResult>
                    <Arn>arn:aws:sts::%s:assumed-role/audit/consolesensei-%s</Arn>
                    <UserId>AROA3XFRBF535PLBIFPI4:consolesensei-%s</UserId>
                    <Account>%s</Account>
                  </GetCallerIdentityResult>
                  <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
                </GetCallerIdentityResponse>""".formatted(STS_NS, account, account, account, account))));
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
                key, "us-east-1", "budgets").willReturn(json("{\"Budgets\": []}")));
        aws.stub(signed(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("Invoicing.ListInvoiceSummaries")),
                key, "us-east-1", "invoicing").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.0").withBody("{\"InvoiceSummaries\": []}")));
    }

    /** Resource id stem of an account and region: distinct per pair, hex like EC2's. */
    public static String tag(String account, String region) {
        return account.substring(0, 2) + Integer.toHexString(Math.abs(region.hashCode()) % 4096) + "0000000000";
    }

    /**
     * The EC2/EBS estate of one account and region, as the Amazon EC2 API Reference shows responses;
     * resource ids carry {@code t}. Paged DescribeInstances (NextToken).
     */
    public void ec2(String key, String account, String region, String t) {
        answer(signed(action("DescribeInstances").withRequestBody(notContaining("NextToken")), key, region, "ec2"),
                "DescribeInstancesResponse", """
                <reservationSet>
                  <item>
                    <reservationId>r-%1$s1</reservationId>
                    <ownerId>%2$s</ownerId>
                    <groupSet/>
                    <instancesSet>
                      <item>
                        <instanceId>i-%1$s1</instanceId>
                        <imageId>ami-0abcdef1234567890</imageId>
                        <instanceState><code>16</code><name>running</name></instanceState>
                        <privateDnsName>ip-10-0-0-12.ec2.internal</privateDnsName>
                        <dnsName>ec2-54-194-252-215.compute-1.amazonaws.com</dnsName>
                        <reason/>
                        <amiLaunchIndex>0</amiLaunchIndex>
                        <productCodes/>
                        <instanceType>t2.micro</instanceType>
                        <launchTime>2026-01-10T08:00:00.000Z</launchTime>
                        <placement><availabilityZone>%3$sa</availabilityZone><groupName/><tenancy>default</tenancy></placement>
                        <monitoring><state>disabled</state></monitoring>
                        <subnetId>subnet-0abc1234</subnetId>
                        <vpcId>vpc-0abc1234</vpcId>
                        <privateIpAddress>10.0.0.12</privateIpAddress>
                        <ipAddress>54.194.252.215</ipAddress>
                        <groupSet><item><groupId>sg-%1$s1</groupId><groupName>ssh-open</groupName></item></groupSet>
                        <architecture>x86_64</architecture>
                        <rootDeviceType>ebs</rootDeviceType>
                        <rootDeviceName>/dev/xvda</rootDeviceName>
                        <blockDeviceMapping/>
                        <virtualizationType>hvm</virtualizationType>
                        <metadataOptions>
                          <state>applied</state>
                          <httpTokens>optional</httpTokens>
                          <httpPutResponseHopLimit>1</httpPutResponseHopLimit>
                          <httpEndpoint>enabled</httpEndpoint>
                        </metadataOptions>
                      </item>
                    </instancesSet>
                  </item>
                </reservationSet>
                <nextToken>page2-%1$s</nextToken>""".formatted(t, account, region));
        answer(signed(action("DescribeInstances").withRequestBody(containing("NextToken=page2-" + t)), key, region, "ec2"),
                "DescribeInstancesResponse", """
                <reservationSet>
                  <item>
                    <reservationId>r-%1$s2</reservationId>
                    <ownerId>%2$s</ownerId>
                    <groupSet/>
                    <instancesSet>
                      <item>
                        <instanceId>i-%1$s2</instanceId>
                        <imageId>ami-0abcdef1234567890</imageId>
                        <instanceState><code>80</code><name>stopped</name></instanceState>
                        <reason>User initiated (2026-09-01 10:00:00 GMT)</reason>
                        <instanceType>m5.large</instanceType>
                        <launchTime>2026-01-10T08:00:00.000Z</launchTime>
                        <placement><availabilityZone>%3$sb</availabilityZone><tenancy>default</tenancy></placement>
                        <privateIpAddress>10.0.1.7</privateIpAddress>
                        <rootDeviceType>ebs</rootDeviceType>
                        <rootDeviceName>/dev/xvda</rootDeviceName>
                        <blockDeviceMapping>
                          <item>
                            <deviceName>/dev/xvda</deviceName>
                            <ebs><volumeId>vol-%1$s2</volumeId><status>attached</status>
                              <attachTime>2026-01-10T08:00:05.000Z</attachTime><deleteOnTermination>true</deleteOnTermination></ebs>
                          </item>
                        </blockDeviceMapping>
                        <tagSet>
                          <item><key>Owner</key><value>data-team</value></item>
                          <item><key>CostCenter</key><value>cc-42</value></item>
                        </tagSet>
                        <metadataOptions><state>applied</state><httpTokens>required</httpTokens>
                          <httpPutResponseHopLimit>2</httpPutResponseHopLimit><httpEndpoint>enabled</httpEndpoint></metadataOptions>
                      </item>
                    </instancesSet>
                  </item>
                </reservationSet>""".formatted(t, account, region));
        String attachedVolume = """
                  <item>
                    <volumeId>vol-%1$s2</volumeId>
                    <size>100</size>
                    <snapshotId/>
                    <availabilityZone>%2$sb</availabilityZone>
                    <status>in-use</status>
                    <createTime>2026-01-10T08:00:01.000Z</createTime>
                    <attachmentSet>
                      <item><volumeId>vol-%1$s2</volumeId><instanceId>i-%1$s2</instanceId><device>/dev/xvda</device>
                        <status>attached</status><attachTime>2026-01-10T08:00:05.000Z</attachTime>
                        <deleteOnTermination>true</deleteOnTermination></item>
                    </attachmentSet>
                    <volumeType>gp3</volumeType>
                    <iops>3000</iops>
                    <throughput>125</throughput>
                    <encrypted>true</encrypted>
                    <multiAttachEnabled>false</multiAttachEnabled>
                  </item>""".formatted(t, region);
        answer(signed(action("DescribeVolumes").withRequestBody(containing("attachment.instance-id")), key, region, "ec2"),
                "DescribeVolumesResponse", "<volumeSet>" + attachedVolume + "</volumeSet>");
        answer(signed(action("DescribeVolumes").withRequestBody(notContaining("attachment.instance-id")), key, region, "ec2"),
                "DescribeVolumesResponse", "<volumeSet>" + attachedVolume + """
                  <item>
                    <volumeId>vol-%1$s3</volumeId>
                    <size>200</size>
                    <snapshotId/>
                    <availabilityZone>%2$sa</availabilityZone>
                    <status>available</status>
                    <createTime>2025-06-01T12:00:00.000Z</createTime>
                    <attachmentSet/>
                    <volumeType>gp2</volumeType>
                    <iops>600</iops>
                    <encrypted>false</encrypted>
                    <multiAttachEnabled>false</multiAttachEnabled>
                  </item>
                </volumeSet>""".formatted(t, region));
        answer(signed(action("DescribeSnapshots").withRequestBody(containing("RestorableBy")), key, region, "ec2"),
                "DescribeSnapshotsResponse", "<snapshotSet/>");
        answer(signed(action("DescribeSnapshots").withRequestBody(notContaining("RestorableBy")), key, region, "ec2"),
                "DescribeSnapshotsResponse", """
                <snapshotSet>
                  <item>
                    <snapshotId>snap-%1$s1</snapshotId>
                    <volumeId>vol-%1$s3</volumeId>
                    <status>completed</status>
                    <startTime>2026-01-01T00:00:00.000Z</startTime>
                    <progress>100%%</progress>
                    <ownerId>%2$s</ownerId>
                    <volumeSize>50</volumeSize>
                    <description>nightly</description>
                    <encrypted>false</encrypted>
                    <storageTier>standard</storageTier>
                  </item>
                  <item>
                    <snapshotId>snap-%1$s2</snapshotId>
                    <volumeId>vol-0deadbeef0000000</volumeId>
                    <status>completed</status>
                    <startTime>2026-11-01T00:00:00.000Z</startTime>
                    <progress>100%%</progress>
                    <ownerId>%2$s</ownerId>
                    <volumeSize>20</volumeSize>
                    <description>left behind</description>
                    <encrypted>true</encrypted>
                    <storageTier>standard</storageTier>
                  </item>
                </snapshotSet>""".formatted(t, account));
        answer(signed(action("DescribeImages"), key, region, "ec2"), "DescribeImagesResponse", "<imagesSet/>");
        answer(signed(action("DescribeAddresses"), key, region, "ec2"), "DescribeAddressesResponse",
                "<addressesSet>" + Ec2Xml.address("203.0.113.25", "eipalloc-" + t + "1", null, null, region) + "</addressesSet>");
        answer(signed(action("DescribeSecurityGroups"), key, region, "ec2"), "DescribeSecurityGroupsResponse", """
                <securityGroupInfo>
                  <item>
                    <ownerId>%2$s</ownerId>
                    <groupId>sg-%1$s1</groupId>
                    <groupName>ssh-open</groupName>
                    <groupDescription>ssh from anywhere</groupDescription>
                    <vpcId>vpc-0abc1234</vpcId>
                    <ipPermissions>
                      <item>
                        <ipProtocol>tcp</ipProtocol>
                        <fromPort>22</fromPort>
                        <toPort>22</toPort>
                        <groups/>
                        <ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges>
                        <ipv6Ranges/>
                        <prefixListIds/>
                      </item>
                    </ipPermissions>
                    <ipPermissionsEgress/>
                  </item>
                  <item>
                    <ownerId>%2$s</ownerId>
                    <groupId>sg-%1$s2</groupId>
                    <groupName>web</groupName>
                    <groupDescription>https</groupDescription>
                    <vpcId>vpc-0abc1234</vpcId>
                    <ipPermissions>
                      <item>
                        <ipProtocol>tcp</ipProtocol>
                        <fromPort>443</fromPort>
                        <toPort>443</toPort>
                        <groups/>
                        <ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges>
                      </item>
                    </ipPermissions>
                    <ipPermissionsEgress/>
                  </item>
                </securityGroupInfo>""".formatted(t, account));
        answer(signed(action("GetEbsEncryptionByDefault"), key, region, "ec2"), "GetEbsEncryptionByDefaultResponse",
                "<ebsEncryptionByDefault>false</ebsEncryptionByDefault><sseType>sse-ebs</sseType>");
        answer(signed(action("GetSnapshotBlockPublicAccessState"), key, region, "ec2"),
                "GetSnapshotBlockPublicAccessStateResponse", "<state>unblocked</state><managedBy>account</managedBy>");
    }

    public void autoScaling(String key, String region) {
        aws.stub(signed(action("DescribeAutoScalingGroups"), key, region, "autoscaling").willReturn(xml("""
                <DescribeAutoScalingGroupsResponse xmlns="%s">
                  <DescribeAutoScalingGroupsResult><AutoScalingGroups/></DescribeAutoScalingGroupsResult>
                  <ResponseMetadata><RequestId>0a5d4a1c-5b1e-4c3f-9f1e-1f6f0b1d2e3a</RequestId></ResponseMetadata>
                </DescribeAutoScalingGroupsResponse>""".formatted(ASG_NS))));
    }

    /** IAM: a credential report with the root user (no MFA), no users or roles, no password policy. */
    public void iam(String key, String account) {
        String report = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
                + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
                + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
                + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
                + "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,"
                + "cert_2_active,cert_2_last_rotated\n"
                + "<root_account>,arn:aws:iam::" + account + ":root,2020-01-01T00:00:00+00:00,not_supported,"
                + "no_information,not_supported,not_supported,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,"
                + "false,N/A,false,N/A\n";
        String content = Base64.getEncoder().encodeToString(report.getBytes(StandardCharsets.UTF_8));
        iamOk(key, "GenerateCredentialReport", "<State>COMPLETE</State>");
        iamOk(key, "GetCredentialReport", "<Content>" + content + "</Content><ReportFormat>text/csv</ReportFormat>"
                + "<GeneratedTime>2026-11-28T10:00:00Z</GeneratedTime>");
        iamOk(key, "ListUsers", "<Users/><IsTruncated>false</IsTruncated>");
        iamOk(key, "ListRoles", "<Roles/><IsTruncated>false</IsTruncated>");
        iamOk(key, "GetAccountAuthorizationDetails", "<UserDetailList/><GroupDetailList/><RoleDetailList/><Policies/>"
                + "<IsTruncated>false</IsTruncated>");
        aws.stub(signed(action("GetAccountPasswordPolicy"), key, "[a-z0-9-]+", "iam").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/xml").withBody("""
                <ErrorResponse xmlns="%s">
                  <Error><Type>Sender</Type><Code>NoSuchEntity</Code>
                    <Message>The Password Policy with domain name %s cannot be found.</Message></Error>
                  <RequestId>a9b8c7d6-0000-1111-2222-333344445555</RequestId>
                </ErrorResponse>""".formatted(IAM_NS, account))));
    }

    private void iamOk(String key, String op, String result) {
        aws.stub(signed(action(op), key, "[a-z0-9-]+", "iam").willReturn(xml("<" + op + "Response xmlns=\"" + IAM_NS + "\">"
                + "<" + op + "Result>" + result + "</" + op + "Result><ResponseMetadata><RequestId>"
                + "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata></" + op + "Response>")));
    }

    /** S3: no buckets; the account's public access block fully on. */
    public void s3(String key, String account) {
        aws.stub(signed(get(urlPathEqualTo("/")), key, "us-east-1", "s3")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListAllMyBucketsResult xmlns=\"" + S3_NS + "\"><Buckets/>"
                                + "<Owner><DisplayName>owner</DisplayName><ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID>"
                                + "</Owner></ListAllMyBucketsResult>")));
        aws.stub(signed(get(urlPathEqualTo("/v20180820/configuration/publicAccessBlock")), key, "us-east-1", "s3")
                .withHeader("x-amz-account-id", equalTo(account))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PublicAccessBlockConfiguration xmlns=\"http://awss3control.amazonaws.com/doc/2018-08-20/\">"
                                + "<BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls>"
                                + "<BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets>"
                                + "</PublicAccessBlockConfiguration>")));
    }

    /** CloudWatch (Query protocol, XML): GetMetricData with no datapoint for any query (metrics not published). */
    public void cloudWatch(String key, String region) {
        aws.stub(signed(action("GetMetricData"), key, region, "monitoring")
                .willReturn(AwsWire.fromFile("cloudwatch/get-metric-data-no-datapoints.xml", "text/xml;charset=UTF-8")));
    }

    /** AWS Price List Query API (JSON 1.1, us-east-1): GetProducts finds no product. */
    public void priceList(String key) {
        aws.stub(signed(AwsWire.priceList("GetProducts"), key, "us-east-1", "pricing")
                .willReturn(AwsWire.fromFile("pricing/get-products-no-product.json", "application/x-amz-json-1.1")));
    }

    /** Cost Explorer (JSON 1.1): 7 months by service, 60 days, a forecast. */
    public void costExplorer(String key, LocalDate asOf) {
        List<String> months = new ArrayList<>();
        LocalDate first = asOf.withDayOfMonth(1);
        for (int i = 6; i >= 0; i--) {
            LocalDate s = first.minusMonths(i);
            LocalDate e = i == 0 ? asOf.plusDays(1) : s.plusMonths(1);
            String ec2 = i == 0 ? "700.10" : String.valueOf(900 + 10 * (6 - i)) + ".00";
            months.add("""
                    {"TimePeriod": {"Start": "%s", "End": "%s"}, "Total": {}, "Groups": [
                      {"Keys": ["Amazon Elastic Compute Cloud - Compute"], "Metrics": {"UnblendedCost": {"Amount": "%s", "Unit": "USD"}}},
                      {"Keys": ["Amazon Simple Storage Service"], "Metrics": {"UnblendedCost": {"Amount": "55.55", "Unit": "USD"}}}],
                     "Estimated": %s}""".formatted(s, e, ec2, i == 0));
        }
        List<String> days = new ArrayList<>();
        for (LocalDate d = asOf.minusDays(60); !d.isAfter(asOf); d = d.plusDays(1)) {
            String amount = d.equals(asOf.minusDays(2)) ? "180.25" : d.getDayOfMonth() % 2 == 0 ? "45.00" : "55.00";
            days.add("""
                    {"TimePeriod": {"Start": "%s", "End": "%s"}, "Total": {"UnblendedCost": {"Amount": "%s", "Unit": "USD"}}, "Groups": [], "Estimated": false}"""
                    .formatted(d, d.plusDays(1), amount));
        }
        aws.stub(ce(key, "GetCostAndUsage").withRequestBody(matchingJsonPath("$.Granularity", equalTo("MONTHLY")))
                .willReturn(json("{\"GroupDefinitions\": [{\"Type\": \"DIMENSION\", \"Key\": \"SERVICE\"}], \"ResultsByTime\": ["
                        + String.join(", ", months) + "], \"DimensionValueAttributes\": []}")));
        aws.stub(ce(key, "GetCostAndUsage").withRequestBody(matchingJsonPath("$.Granularity", equalTo("DAILY")))
                .willReturn(json("{\"GroupDefinitions\": [], \"ResultsByTime\": [" + String.join(", ", days)
                        + "], \"DimensionValueAttributes\": []}")));
        LocalDate next = first.plusMonths(1);
        aws.stub(ce(key, "GetCostForecast").willReturn(json("""
                {"Total": {"Amount": "400.00", "Unit": "USD"},
                 "ForecastResultsByTime": [{"TimePeriod": {"Start": "%s", "End": "%s"}, "MeanValue": "400.00"}]}"""
                .formatted(asOf, next))));
    }

    /** A Cost Explorer request ({@code X-Amz-Target: AWSInsightsIndexService.<op>}) signed with {@code key}. */
    public static MappingBuilder ce(String key, String op) {
        return signed(post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSInsightsIndexService." + op)),
                key, "us-east-1", "ce");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    private void answer(MappingBuilder m, String root, String body) {
        aws.stub(m.willReturn(xml(Ec2Xml.response(root, body))));
    }
}
