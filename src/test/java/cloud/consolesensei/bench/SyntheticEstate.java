package cloud.consolesensei.bench;

import cloud.consolesensei.bench.FakeAwsServer.Answer;
import cloud.consolesensei.bench.FakeAwsServer.Call;
import cloud.consolesensei.testkit.AwsTemplate;
import cloud.consolesensei.testkit.Ec2Xml;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers AWS API calls from an {@link EstateSpec}, every attribute derived from a hash of (seed,
 * account, region, kind, index), so nothing is stored and the same seed gives the same estate and
 * findings. Wire formats as the API references document them: EC2 Query XML (2016-11-15), IAM, STS
 * and Auto Scaling Query XML ({@code <Action>Response/<Action>Result}), S3 and S3 Control REST XML,
 * Cost Explorer JSON 1.1. Pagination as AWS paginates: EC2 {@code MaxResults}/{@code NextToken} (1,000
 * when no MaxResults), IAM {@code MaxItems}/{@code Marker}/{@code IsTruncated} (100 by default), Auto Scaling
 * {@code MaxRecords}/{@code NextToken}, S3 {@code max-buckets}/{@code continuation-token}.
 *
 * <p>Mix (roughly): 10% of instances stopped for months, 20% previous generation, 30% IMDSv1, 25% without
 * the required tags; volumes beyond the instances unattached, 30% gp2, 20% unencrypted; 20% of snapshots
 * orphaned, 1% public, ages up to 150 days (40% older than 90); buckets with and without public access blocks, policies,
 * versioning and lifecycle; 5% of users with AdministratorAccess, half with an active key; 10% of roles
 * trusting another account without an external id.
 */
public final class SyntheticEstate {

    static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    static final String STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";
    static final String ASG_NS = "http://autoscaling.amazonaws.com/doc/2011-01-01/";
    static final String S3_NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    static final String S3C_NS = "http://awss3control.amazonaws.com/doc/2018-08-20/";
    private static final String XML = "text/xml;charset=UTF-8";
    private static final Instant ORIGIN = Instant.parse("2024-06-01T00:00:00Z");
    private static final int IMAGES = 5, ADDRESSES = 5, GROUPS = 10, ASGS = 10;
    private static final String[] SERVICES = {"Amazon Elastic Compute Cloud - Compute", "Amazon Simple Storage Service",
            "Amazon Relational Database Service", "AWS Lambda", "Amazon CloudWatch", "Amazon Virtual Private Cloud",
            "Amazon DynamoDB", "Elastic Load Balancing", "AWS Key Management Service", "Amazon Route 53"};

    private final EstateSpec spec;

    public SyntheticEstate(EstateSpec spec) {
        this.spec = spec;
    }

    public EstateSpec spec() {
        return spec;
    }

    // ---------------------------------------------------------------- dispatch

    /** The API operation of a call (Query Action, JSON target, or the S3 REST sub-resource). */
    static String operation(Call c) {
        if (c.target() != null) return c.target().substring(c.target().indexOf('.') + 1);
        String action = c.form().get("Action");
        if (action != null) return action;
        if (c.path().startsWith("/v20180820/")) return "GetPublicAccessBlock(account)";
        if (c.path().equals("/") || c.path().isEmpty()) return "ListBuckets";
        for (String sub : List.of("location", "publicAccessBlock", "policyStatus", "acl", "ownershipControls", "policy",
                "versioning", "lifecycle")) {
            if (c.query().containsKey(sub)) return "GetBucket:" + sub;
        }
        return c.method() + " " + c.path();
    }

    /** The answer to {@code c} for {@code account} (null = base credentials), or null when the operation is unknown. */
    Answer answer(Call c, String account) {
        int a = account == null ? -1 : spec.accountIndex(account);
        String op = operation(c);
        return switch (c.service()) {
            case "sts" -> sts(c, op, account);
            case "ec2" -> a < 0 ? null : ec2(c, op, a, regionIndex(c.region()));
            case "autoscaling" -> a < 0 ? null : asg(c, op, a, regionIndex(c.region()));
            case "iam" -> a < 0 ? null : iam(c, op, a);
            case "s3" -> a < 0 ? null : c.path().startsWith("/v20180820/") ? s3control(a) : s3(c, op, a);
            case "ce" -> a < 0 ? null : ce(c, op, a);
            case "monitoring" -> a < 0 || !"GetMetricData".equals(op) ? null : getMetricData(c);
            case "pricing" -> a < 0 || !"GetProducts".equals(op) ? null : getProducts(c);
            // the synthetic accounts keep no budgets and no invoices: an empty first page is AWS's answer then
            case "budgets" -> a < 0 || !"DescribeBudgets".equals(op) ? null : emptyJson("1.1", "Budgets");
            case "invoicing" -> a < 0 || !"ListInvoiceSummaries".equals(op) ? null : emptyJson("1.0", "InvoiceSummaries");
            default -> null;
        };
    }

    private int regionIndex(String region) {
        int i = spec.regionNames().indexOf(region);
        return i < 0 ? 0 : i;
    }

    // ---------------------------------------------------------------- errors

    static Answer throttle(Call c) {
        return switch (c.service()) {
            case "ec2" -> ec2Error(503, "RequestLimitExceeded", "Request limit exceeded.");
            case "s3" -> c.path().startsWith("/v20180820/")
                    ? controlError(c.accountHeader(), 503, "SlowDown", "Please reduce your request rate.")
                    : s3Error(503, "SlowDown", "Please reduce your request rate.");
            case "ce" -> jsonError(400, "LimitExceededException", "Rate exceeded");
            default -> queryError(400, "Throttling", "Rate exceeded");
        };
    }

    static Answer unknownOperation(Call c, String op) {
        return switch (c.service()) {
            case "ec2" -> ec2Error(400, "InvalidAction", "The action " + op + " is not valid for this web service.");
            case "s3" -> s3Error(400, "NotImplemented", op + " is not implemented by the benchmark server");
            case "ce" -> jsonError(400, "UnknownOperationException", op);
            default -> queryError(400, "InvalidAction", "Could not find operation " + op);
        };
    }

    // the error shapes of the four protocols, from the wire tests' files (aws/ec2/error.xml, aws/query/error.xml, ...)

    private static Answer ec2Error(int status, String code, String message) {
        return Answer.of(status, XML, AwsTemplate.of("ec2/error.xml").fill("code", code, "message", message,
                "requestId", UUID.randomUUID()));
    }

    private static Answer queryError(int status, String code, String message) {
        return Answer.of(status, XML, AwsTemplate.of("query/error.xml").fill("type", "Sender", "code", code,
                "message", message, "requestId", UUID.randomUUID()));
    }

    private static Answer s3Error(int status, String code, String message) {
        return Answer.of(status, "application/xml", AwsTemplate.of("s3/error-service.xml").fill("code", code,
                "message", message, "requestId", Long.toHexString(System.nanoTime())));
    }

    /** S3 Control wraps its errors in {@code ErrorResponse}, unlike S3. */
    private static Answer controlError(String account, int status, String code, String message) {
        return Answer.of(status, "application/xml", AwsTemplate.of("s3control/error.xml").fill("code", code,
                "message", message, "account", account));
    }

    private static Answer jsonError(int status, String type, String message) {
        return new Answer(status, "application/x-amz-json-1.1", AwsTemplate.of("json/error.json").fill("type", type,
                "message", message).getBytes(StandardCharsets.UTF_8), Map.of("x-amzn-ErrorType", type));
    }

    // ---------------------------------------------------------------- hashing

    /** A well-mixed 64-bit value of (seed, parts...): SplitMix64 finaliser over each part. */
    long h(long... parts) {
        long x = spec.seed() * 0x9E3779B97F4A7C15L;
        for (long p : parts) {
            x ^= p + 0x9E3779B97F4A7C15L + (x << 6) + (x >>> 2);
            x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
            x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
            x ^= x >>> 31;
        }
        return x;
    }

    /** True for {@code percent}% of the (parts...). */
    private boolean pct(int percent, long... parts) {
        return Math.floorMod(h(parts), 100) < percent;
    }

    private int between(int lo, int hi, long... parts) {
        return lo + (int) Math.floorMod(h(parts), (long) (hi - lo + 1));
    }

    private static String id(String prefix, int a, int r, int i) {
        return String.format("%s-%03x%02x%012x", prefix, a, r, i);
    }

    private static int indexOf(String id) {
        return (int) Long.parseLong(id.substring(id.length() - 12), 16);
    }

    // ---------------------------------------------------------------- STS

    private Answer sts(Call c, String op, String account) {
        return switch (op) {
            case "AssumeRole" -> {
                String arn = c.param("RoleArn");
                String acct = arn.split(":")[4];
                if (spec.accountIndex(acct) < 0) yield queryError(403, "AccessDenied", "not authorized to assume " + arn);
                yield query("sts", STS_NS, "AssumeRole", "<AssumedRoleUser><Arn>arn:aws:sts::" + acct + ":assumed-role/audit/"
                        + c.param("RoleSessionName") + "</Arn><AssumedRoleId>AROABENCH" + acct + ":" + c.param("RoleSessionName")
                        + "</AssumedRoleId></AssumedRoleUser><Credentials><AccessKeyId>" + FakeAwsServer.ROLE_KEY_PREFIX + acct
                        + "</AccessKeyId><SecretAccessKey>bench/role/secret/" + acct + "</SecretAccessKey><SessionToken>"
                        + "FwoGZXIvYXdzEBench" + acct + "</SessionToken><Expiration>"
                        + Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                        + "</Expiration></Credentials><PackedPolicySize>6</PackedPolicySize>");
            }
            case "GetCallerIdentity" -> {
                String acct = account == null ? "999999999999" : account;
                yield query("sts", STS_NS, "GetCallerIdentity", "<Arn>arn:aws:sts::" + acct + ":assumed-role/audit/bench</Arn>"
                        + "<UserId>AROABENCH" + acct + ":bench</UserId><Account>" + acct + "</Account>");
            }
            default -> null;
        };
    }

    private static Answer query(String service, String ns, String action, String result) {
        return Answer.of(200, XML, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + action + "Response xmlns=\"" + ns + "\"><"
                + action + "Result>" + result + "</" + action + "Result><ResponseMetadata><RequestId>" + UUID.randomUUID()
                + "</RequestId></ResponseMetadata></" + action + "Response>");
    }

    // ---------------------------------------------------------------- EC2

    private Answer ec2(Call c, String op, int a, int r) {
        return switch (op) {
            case "DescribeInstances" -> ec2Page(c, "DescribeInstancesResponse", "reservationSet", spec.instances(),
                    (sb, i) -> instance(sb, a, r, i));
            case "DescribeVolumes" -> {
                List<String> byInstance = filterValues(c, "attachment.instance-id");
                if (!byInstance.isEmpty()) {
                    // instance i has volume i attached; the values of one filter are ORed
                    StringBuilder sb = new StringBuilder();
                    for (String id : byInstance) {
                        int i = indexOf(id);
                        if (i < spec.volumes()) volume(sb, a, r, i);
                    }
                    yield ec2Ok("DescribeVolumesResponse", "<volumeSet>" + sb + "</volumeSet>");
                }
                yield ec2Page(c, "DescribeVolumesResponse", "volumeSet", spec.volumes(), (sb, i) -> volume(sb, a, r, i));
            }
            case "DescribeSnapshots" -> {
                if ("all".equals(c.param("RestorableBy.1"))) {
                    // every 100th snapshot is public; listed in one page like the rest
                    int n = (spec.snapshots() + 99) / 100;
                    yield ec2Page(c, "DescribeSnapshotsResponse", "snapshotSet", n, (sb, i) -> snapshot(sb, a, r, i * 100));
                }
                yield ec2Page(c, "DescribeSnapshotsResponse", "snapshotSet", spec.snapshots(), (sb, i) -> snapshot(sb, a, r, i));
            }
            case "DescribeImages" -> {
                StringBuilder sb = new StringBuilder("<imagesSet>");
                for (int i = 0; i < IMAGES; i++) {
                    IMAGE.appendTo(sb, "imageId", id("ami", a, r, i), "account", spec.accountId(a), "name", "bench-" + i,
                            "snapshotId", id("snap", a, r, i * 7 + 1));
                }
                yield ec2Ok("DescribeImagesResponse", sb.append("</imagesSet>").toString());
            }
            case "DescribeAddresses" -> {
                List<String> items = new java.util.ArrayList<>();
                for (int i = 0; i < ADDRESSES; i++) {
                    // the first two unassociated (ec2.eip_unassociated fires), the rest attached to an instance
                    String ip = "203.0." + r + "." + (i + 1);
                    items.add(i < 2 ? Ec2Xml.unassociated(ip, id("eipalloc", a, r, i), c.region())
                            : Ec2Xml.associated(ip, id("eipalloc", a, r, i), id("eipassoc", a, r, i), id("i", a, r, i),
                            id("eni", a, r, i), "10.0." + (i / 250) + "." + (i % 250), spec.accountId(a), c.region()));
                }
                yield Answer.of(200, XML, Ec2Xml.describeAddresses(items));
            }
            case "DescribeSecurityGroups" -> ec2Page(c, "DescribeSecurityGroupsResponse", "securityGroupInfo", GROUPS,
                    (sb, i) -> securityGroup(sb, a, r, i));
            case "GetSnapshotBlockPublicAccessState" -> ec2Ok("GetSnapshotBlockPublicAccessStateResponse",
                    "<state>unblocked</state><managedBy>account</managedBy>");
            case "GetEbsEncryptionByDefault" -> ec2Ok("GetEbsEncryptionByDefaultResponse", "<ebsEncryptionByDefault>"
                    + ((a + r) % 3 != 0) + "</ebsEncryptionByDefault><sseType>sse-ebs</sseType>");
            case "DescribeRegions" -> {
                StringBuilder sb = new StringBuilder("<regionInfo>");
                for (String name : spec.regionNames()) REGION.appendTo(sb, "region", name, "optInStatus", "opt-in-not-required");
                yield ec2Ok("DescribeRegionsResponse", sb.append("</regionInfo>").toString());
            }
            default -> null;
        };
    }

    /** The first value of the EC2 filter named {@code name}, or null. */
    /** Every value of the named filter (Filter.N.Value.1, .2, ...), in order; empty when absent. */
    private static List<String> filterValues(Call c, String name) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 1; i < 10; i++) {
            String n = c.param("Filter." + i + ".Name");
            if (n == null) break;
            if (!n.equals(name)) continue;
            for (int v = 1; c.param("Filter." + i + ".Value." + v) != null; v++) out.add(c.param("Filter." + i + ".Value." + v));
        }
        return out;
    }

    private interface Item {
        void write(StringBuilder sb, int index);
    }

    private static Answer ec2Page(Call c, String root, String set, int total, Item item) {
        String max = c.param("MaxResults");
        int size = max == null ? 1000 : Integer.parseInt(max);
        String token = c.param("NextToken");
        int from = token == null || token.isEmpty() ? 0 : Integer.parseInt(token.substring(token.indexOf('-') + 1));
        int to = Math.min(total, from + size);
        StringBuilder sb = new StringBuilder(256 * (to - from) + 200);
        sb.append('<').append(set).append('>');
        for (int i = from; i < to; i++) item.write(sb, i);
        sb.append("</").append(set).append('>');
        if (to < total) sb.append("<nextToken>page-").append(to).append("</nextToken>");
        return ec2Ok(root, sb.toString());
    }

    private static Answer ec2Ok(String root, String body) {
        return Answer.of(200, XML, Ec2Xml.response(root, body));
    }

    private String date(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS) + "";
    }

    // one item of each EC2 list, from the wire tests' per-item files (aws/ec2/describe-*-item.xml), unindented
    // as AWS answers, so the benchmark's answers weigh what they weighed when built in Java
    private static final AwsTemplate INSTANCE = AwsTemplate.of("ec2/describe-instances-reservation-item.xml").compact();
    private static final AwsTemplate BLOCK_DEVICE = AwsTemplate.of("ec2/block-device-mapping-item.xml").compact();
    private static final AwsTemplate TAG = AwsTemplate.of("ec2/tag-item.xml").compact();
    private static final AwsTemplate VOLUME = AwsTemplate.of("ec2/describe-volumes-item.xml").compact();
    private static final AwsTemplate ATTACHMENT = AwsTemplate.of("ec2/volume-attachment-item.xml").compact();
    private static final AwsTemplate THROUGHPUT = AwsTemplate.of("ec2/volume-throughput.xml").compact();
    private static final AwsTemplate SNAPSHOT = AwsTemplate.of("ec2/describe-snapshots-item.xml").compact();
    private static final AwsTemplate SECURITY_GROUP = AwsTemplate.of("ec2/describe-security-groups-item.xml").compact();
    private static final AwsTemplate IMAGE = AwsTemplate.of("ec2/describe-images-item.xml").compact();
    private static final AwsTemplate REGION = AwsTemplate.of("ec2/describe-regions-item.xml").compact();

    private void instance(StringBuilder sb, int a, int r, int i) {
        boolean stopped = pct(10, a, r, 1, i);
        Instant launched = ORIGIN.plus(between(0, 600, a, r, 2, i), ChronoUnit.DAYS);
        String reason = "";
        if (stopped) {
            LocalDate since = LocalDate.of(2026, 3, 1).plusDays(between(0, 250, a, r, 3, i));
            reason = "User initiated (" + since + " 10:00:00 GMT)";
        }
        String devices = i < spec.volumes() ? BLOCK_DEVICE.fill("deviceName", "/dev/xvda", "volumeId", id("vol", a, r, i),
                "attachTime", date(launched)) : "";
        StringBuilder tags = new StringBuilder();
        TAG.appendTo(tags, "key", "Name", "value", "bench-" + i);
        if (!pct(25, a, r, 5, i)) {
            TAG.appendTo(tags, "key", "Owner", "value", "team-" + i % 7);
            TAG.appendTo(tags, "key", "CostCenter", "value", "cc-" + i % 11);
        }
        INSTANCE.appendTo(sb, "reservationId", id("r", a, r, i), "account", spec.accountId(a), "instanceId", id("i", a, r, i),
                "imageId", id("ami", a, r, i % IMAGES), "stateCode", stopped ? 80 : 16, "stateName", stopped ? "stopped" : "running",
                "privateDnsName", "ip-10-0-" + i / 250 + "-" + i % 250 + ".ec2.internal", "reason", reason,
                "instanceType", pct(20, a, r, 4, i) ? "m4.large" : "m5.large", "launchTime", date(launched),
                "availabilityZone", spec.regionNames().get(r) + (char) ('a' + i % 3), "subnetId", "subnet-0bench" + i % 3,
                "vpcId", "vpc-0bench", "privateIpAddress", "10.0." + i / 250 + "." + i % 250,
                "groupId", id("sg", a, r, i % GROUPS), "groupName", "sg-" + i % GROUPS, "blockDeviceMappings", devices,
                "tags", tags, "httpTokens", pct(30, a, r, 6, i) ? "optional" : "required");
    }

    private void volume(StringBuilder sb, int a, int r, int i) {
        String id = id("vol", a, r, i);
        boolean attached = i < spec.instances();
        boolean gp2 = pct(30, a, r, 7, i);
        int size = between(8, 500, a, r, 8, i);
        Instant created = ORIGIN.plus(between(0, 600, a, r, 2, i), ChronoUnit.DAYS);
        String attachment = attached ? ATTACHMENT.fill("volumeId", id, "instanceId", id("i", a, r, i), "device", "/dev/xvda",
                "attachTime", date(created), "deleteOnTermination", true) : "";
        VOLUME.appendTo(sb, "volumeId", id, "size", size, "availabilityZone", spec.regionNames().get(r) + (char) ('a' + i % 3),
                "status", attached ? "in-use" : "available", "createTime", date(created), "attachments", attachment,
                "volumeType", gp2 ? "gp2" : "gp3", "iops", gp2 ? Math.max(100, size * 3) : 3000,
                "throughput", gp2 ? "" : THROUGHPUT.fill("throughput", 125), "encrypted", !pct(20, a, r, 9, i),
                "tags", TAG.fill("key", "Name", "value", "vol-" + i));
    }

    private void snapshot(StringBuilder sb, int a, int r, int i) {
        // a fifth of the snapshots name a volume index beyond the region's volumes: orphaned
        int volume = (int) Math.floorMod(h(a, r, 10, i), (long) Math.max(1, spec.volumes() * 5 / 4));
        Instant started = Instant.parse("2026-11-29T00:00:00Z").minus(between(1, 150, a, r, 11, i), ChronoUnit.DAYS);
        SNAPSHOT.appendTo(sb, "snapshotId", id("snap", a, r, i), "volumeId", id("vol", a, r, volume), "startTime", date(started),
                "account", spec.accountId(a), "volumeSize", between(8, 500, a, r, 8, volume), "description", "nightly " + i,
                "encrypted", !pct(20, a, r, 12, i));
    }

    private void securityGroup(StringBuilder sb, int a, int r, int i) {
        int port = i == 0 ? 22 : i == 1 ? 3389 : 443;
        String cidr = i <= 1 && (a + r) % 2 == 0 ? "0.0.0.0/0" : i <= 1 ? "10.0.0.0/8" : "0.0.0.0/0";
        SECURITY_GROUP.appendTo(sb, "account", spec.accountId(a), "groupId", id("sg", a, r, i), "groupName", "sg-" + i,
                "description", "bench group " + i, "vpcId", "vpc-0bench", "port", port, "cidr", cidr);
    }

    // ---------------------------------------------------------------- Auto Scaling

    private Answer asg(Call c, String op, int a, int r) {
        if (!"DescribeAutoScalingGroups".equals(op)) return null;
        String max = c.param("MaxRecords");
        int size = max == null ? 50 : Integer.parseInt(max);
        String token = c.param("NextToken");
        int from = token == null ? 0 : Integer.parseInt(token.substring(5));
        int to = Math.min(ASGS, from + size);
        String region = spec.regionNames().get(r);
        StringBuilder sb = new StringBuilder("<AutoScalingGroups>");
        for (int i = from; i < to; i++) {
            String name = "asg-" + i;
            boolean singleAz = i % 4 == 0;
            sb.append("<member><AutoScalingGroupName>").append(name).append("</AutoScalingGroupName><AutoScalingGroupARN>arn:aws:autoscaling:")
                    .append(region).append(':').append(spec.accountId(a)).append(":autoScalingGroup:00000000-0000-0000-0000-")
                    .append(String.format("%012d", i)).append(":autoScalingGroupName/").append(name).append("</AutoScalingGroupARN>")
                    .append(i % 5 == 1 ? "<LaunchConfigurationName>lc-" + i + "</LaunchConfigurationName>"
                            : "<LaunchTemplate><LaunchTemplateId>lt-0bench" + i + "</LaunchTemplateId><LaunchTemplateName>lt-" + i
                            + "</LaunchTemplateName><Version>$Default</Version></LaunchTemplate>")
                    .append("<MinSize>1</MinSize><MaxSize>4</MaxSize><DesiredCapacity>2</DesiredCapacity><DefaultCooldown>300</DefaultCooldown>")
                    .append("<AvailabilityZones><member>").append(region).append("a</member>")
                    .append(singleAz ? "" : "<member>" + region + "b</member>").append("</AvailabilityZones><LoadBalancerNames/>")
                    .append(i % 3 == 0 ? "<TargetGroupARNs><member>arn:aws:elasticloadbalancing:" + region + ":" + spec.accountId(a)
                            + ":targetgroup/tg-" + i + "/943f017f100becff</member></TargetGroupARNs>" : "<TargetGroupARNs/>")
                    .append("<HealthCheckType>").append(i % 6 == 0 ? "ELB" : "EC2").append("</HealthCheckType>")
                    .append("<HealthCheckGracePeriod>300</HealthCheckGracePeriod><Instances/><CreatedTime>2025-03-09T22:15:11.611Z")
                    .append("</CreatedTime><SuspendedProcesses/><EnabledMetrics/><Tags/><TerminationPolicies><member>Default")
                    .append("</member></TerminationPolicies><NewInstancesProtectedFromScaleIn>false</NewInstancesProtectedFromScaleIn></member>");
        }
        sb.append("</AutoScalingGroups>");
        if (to < ASGS) sb.append("<NextToken>page-").append(to).append("</NextToken>");
        return query("autoscaling", ASG_NS, "DescribeAutoScalingGroups", sb.toString());
    }

    // ---------------------------------------------------------------- IAM

    private Answer iam(Call c, String op, int a) {
        String acct = spec.accountId(a);
        return switch (op) {
            case "ListUsers" -> iamPage(c, "ListUsers", "Users", spec.users(), (sb, i) -> sb.append("<member>")
                    .append(user(acct, i)).append("</member>"));
            case "ListRoles" -> iamPage(c, "ListRoles", "Roles", spec.roles(), (sb, i) -> sb.append("<member>")
                    .append(role(a, i)).append("<MaxSessionDuration>3600</MaxSessionDuration></member>"));
            case "GetAccountAuthorizationDetails" -> iamPage(c, "GetAccountAuthorizationDetails", "RoleDetailList", spec.roles(),
                    (sb, i) -> roleDetail(sb, a, i));
            case "ListAttachedUserPolicies" -> {
                int u = userIndex(c.param("UserName"));
                String members = pct(5, a, 20, u) ? "<member><PolicyName>AdministratorAccess</PolicyName><PolicyArn>"
                        + "arn:aws:iam::aws:policy/AdministratorAccess</PolicyArn></member>" : "";
                yield query("iam", IAM_NS, op, "<AttachedPolicies>" + members + "</AttachedPolicies><IsTruncated>false</IsTruncated>");
            }
            case "ListUserPolicies" -> query("iam", IAM_NS, op, "<PolicyNames/><IsTruncated>false</IsTruncated>");
            case "ListAccessKeys" -> {
                String name = c.param("UserName");
                int u = userIndex(name);
                yield query("iam", IAM_NS, op, "<AccessKeyMetadata><member><UserName>" + name + "</UserName><AccessKeyId>"
                        + accessKeyId(a, u) + "</AccessKeyId><Status>Active</Status><CreateDate>" + keyRotated(a, u)
                        + "</CreateDate></member></AccessKeyMetadata><IsTruncated>false</IsTruncated>");
            }
            case "GenerateCredentialReport" -> query("iam", IAM_NS, op, "<State>COMPLETE</State>"
                    + "<Description>No report exists. Starting a new report generation task</Description>");
            case "GetCredentialReport" -> query("iam", IAM_NS, op, "<Content>" + credentialReport(a)
                    + "</Content><ReportFormat>text/csv</ReportFormat><GeneratedTime>"
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "</GeneratedTime>");
            case "GetAccountPasswordPolicy" -> query("iam", IAM_NS, op, "<PasswordPolicy><AllowUsersToChangePassword>true"
                    + "</AllowUsersToChangePassword><RequireLowercaseCharacters>true</RequireLowercaseCharacters>"
                    + "<RequireUppercaseCharacters>true</RequireUppercaseCharacters><MinimumPasswordLength>"
                    + (a % 2 == 0 ? 14 : 8) + "</MinimumPasswordLength><RequireNumbers>true</RequireNumbers>"
                    + "<RequireSymbols>true</RequireSymbols><ExpirePasswords>false</ExpirePasswords>"
                    + "<PasswordReusePrevention>24</PasswordReusePrevention></PasswordPolicy>");
            default -> null;
        };
    }

    private static int userIndex(String name) {
        return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
    }

    private static String userName(int i) {
        return String.format("user-%06d", i);
    }

    private static String user(String acct, int i) {
        return "<Path>/</Path><UserName>" + userName(i) + "</UserName><UserId>AIDABENCH" + acct + String.format("%06d", i)
                + "</UserId><Arn>arn:aws:iam::" + acct + ":user/" + userName(i) + "</Arn><CreateDate>2024-01-15T10:00:00Z</CreateDate>";
    }

    private String accessKeyId(int a, int u) {
        return String.format("AKIABENCH%03x%07x", a, u);
    }

    private String keyRotated(int a, int u) {
        return date(Instant.parse("2026-11-29T00:00:00Z").minus(between(10, 700, a, 21, u), ChronoUnit.DAYS));
    }

    private String credentialReport(int a) {
        String acct = spec.accountId(a);
        StringBuilder sb = new StringBuilder("user,arn,user_creation_time,password_enabled,password_last_used,"
                + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
                + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
                + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,"
                + "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n");
        sb.append("<root_account>,arn:aws:iam::").append(acct).append(":root,2020-01-01T00:00:00+00:00,not_supported,")
                .append(a % 4 == 0 ? "2026-11-20T08:00:00+00:00" : "2025-01-20T08:00:00+00:00")
                .append(",not_supported,not_supported,").append(a % 5 != 0)
                .append(",false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n");
        for (int u = 0; u < spec.users(); u++) {
            boolean password = pct(60, a, 22, u);
            boolean key = pct(50, a, 23, u);
            String lastUsed = date(Instant.parse("2026-11-29T00:00:00Z").minus(between(0, 400, a, 24, u), ChronoUnit.DAYS))
                    .replace("Z", "+00:00");
            sb.append(userName(u)).append(",arn:aws:iam::").append(acct).append(":user/").append(userName(u))
                    .append(",2024-01-15T10:00:00+00:00,").append(password).append(',')
                    .append(password ? lastUsed : "N/A").append(',').append(password ? "2024-01-15T10:05:00+00:00" : "N/A")
                    .append(",N/A,").append(password && pct(70, a, 25, u)).append(',').append(key).append(',')
                    .append(key ? keyRotated(a, u).replace("Z", "+00:00") : "N/A").append(',')
                    .append(key ? lastUsed : "N/A").append(',').append(key ? "us-east-1,s3" : "N/A,N/A")
                    .append(",false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n");
        }
        return Base64.getEncoder().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String role(int a, int i) {
        String acct = spec.accountId(a);
        String name = String.format("role-%06d", i);
        String trust = pct(10, a, 26, i)
                ? "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::999988887777:root\"},\"Action\":\"sts:AssumeRole\"}]}"
                : "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        return "<Path>/</Path><RoleName>" + name + "</RoleName><RoleId>AROABENCH" + acct + String.format("%06d", i)
                + "</RoleId><Arn>arn:aws:iam::" + acct + ":role/" + name + "</Arn><CreateDate>2024-02-01T00:00:00Z</CreateDate>"
                + "<AssumeRolePolicyDocument>" + URLEncoder.encode(trust, StandardCharsets.UTF_8).replace("+", "%20")
                + "</AssumeRolePolicyDocument>";
    }

    private void roleDetail(StringBuilder sb, int a, int i) {
        sb.append("<member>").append(role(a, i)).append("<InstanceProfileList/><RolePolicyList/><AttachedManagedPolicies/><Tags/>");
        if (pct(30, a, 27, i)) {
            sb.append("<RoleLastUsed/>");
        } else {
            sb.append("<RoleLastUsed><LastUsedDate>")
                    .append(date(Instant.parse("2026-11-29T00:00:00Z").minus(between(0, 300, a, 28, i), ChronoUnit.DAYS)))
                    .append("</LastUsedDate><Region>us-east-1</Region></RoleLastUsed>");
        }
        sb.append("</member>");
    }

    private static Answer iamPage(Call c, String action, String list, int total, Item item) {
        String max = c.param("MaxItems");
        int size = max == null ? 100 : Integer.parseInt(max);
        String marker = c.param("Marker");
        int from = marker == null ? 0 : Integer.parseInt(marker.substring(5));
        int to = Math.min(total, from + size);
        StringBuilder sb = new StringBuilder(400 * (to - from) + 200).append('<').append(list).append('>');
        for (int i = from; i < to; i++) item.write(sb, i);
        sb.append("</").append(list).append('>');
        sb.append(to < total ? "<IsTruncated>true</IsTruncated><Marker>page-" + to + "</Marker>" : "<IsTruncated>false</IsTruncated>");
        return query("iam", IAM_NS, action, sb.toString());
    }

    // ---------------------------------------------------------------- S3

    private String bucketName(int a, int i) {
        return "bench-" + spec.accountId(a) + "-" + String.format("%06d", i);
    }

    private int bucketIndex(String path) {
        String name = path.substring(1, path.indexOf('/', 1) < 0 ? path.length() : path.indexOf('/', 1));
        return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
    }

    private Answer s3(Call c, String op, int a) {
        if ("ListBuckets".equals(op)) {
            String max = c.query().get("max-buckets");
            int size = max == null ? 10_000 : Integer.parseInt(max);
            String token = c.query().get("continuation-token");
            int from = token == null ? 0 : Integer.parseInt(token.substring(5));
            int to = Math.min(spec.buckets(), from + size);
            StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListAllMyBucketsResult xmlns=\"")
                    .append(S3_NS).append("\"><Owner><ID>bench").append(a).append("</ID></Owner><Buckets>");
            for (int i = from; i < to; i++) {
                sb.append("<Bucket><Name>").append(bucketName(a, i)).append("</Name><CreationDate>2024-03-01T00:00:00.000Z")
                        .append("</CreationDate><BucketRegion>").append(spec.regionNames().get(i % spec.regions()))
                        .append("</BucketRegion></Bucket>");
            }
            sb.append("</Buckets>");
            if (to < spec.buckets()) sb.append("<ContinuationToken>page-").append(to).append("</ContinuationToken>");
            return Answer.of(200, "application/xml", sb.append("</ListAllMyBucketsResult>").toString());
        }
        if (!op.startsWith("GetBucket:")) return null;
        int b = bucketIndex(c.path());
        String region = spec.regionNames().get(b % spec.regions());
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
        return switch (op.substring(10)) {
            case "location" -> Answer.of(200, "application/xml", head + "<LocationConstraint xmlns=\"" + S3_NS + "\">"
                    + ("us-east-1".equals(region) ? "" : region) + "</LocationConstraint>");
            case "publicAccessBlock" -> pct(70, a, 30, b)
                    ? Answer.of(200, "application/xml", head + "<PublicAccessBlockConfiguration xmlns=\"" + S3_NS + "\">"
                    + block(true) + "</PublicAccessBlockConfiguration>")
                    : s3Error(404, "NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found");
            case "policyStatus" -> hasPolicy(a, b)
                    ? Answer.of(200, "application/xml", head + "<PolicyStatus xmlns=\"" + S3_NS + "\"><IsPublic>"
                    + (b % 50 == 7) + "</IsPublic></PolicyStatus>")
                    : s3Error(404, "NoSuchBucketPolicy", "The bucket policy does not exist");
            case "acl" -> Answer.of(200, "application/xml", head + "<AccessControlPolicy xmlns=\"" + S3_NS + "\"><Owner><ID>bench"
                    + a + "</ID></Owner><AccessControlList><Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                    + " xsi:type=\"CanonicalUser\"><ID>bench" + a + "</ID></Grantee><Permission>FULL_CONTROL</Permission></Grant>"
                    + "</AccessControlList></AccessControlPolicy>");
            case "ownershipControls" -> Answer.of(200, "application/xml", head + "<OwnershipControls xmlns=\"" + S3_NS
                    + "\"><Rule><ObjectOwnership>BucketOwnerEnforced</ObjectOwnership></Rule></OwnershipControls>");
            case "policy" -> hasPolicy(a, b)
                    ? Answer.of(200, "application/json", policy(a, b))
                    : s3Error(404, "NoSuchBucketPolicy", "The bucket policy does not exist");
            case "versioning" -> Answer.of(200, "application/xml", head + "<VersioningConfiguration xmlns=\"" + S3_NS + "\">"
                    + (pct(40, a, 31, b) ? "<Status>Enabled</Status>" : "") + "</VersioningConfiguration>");
            case "lifecycle" -> pct(50, a, 32, b)
                    ? Answer.of(200, "application/xml", head + "<LifecycleConfiguration xmlns=\"" + S3_NS + "\"><Rule><ID>expire"
                    + "</ID><Filter><Prefix>logs/</Prefix></Filter><Status>Enabled</Status><Expiration><Days>365</Days>"
                    + "</Expiration></Rule></LifecycleConfiguration>")
                    : s3Error(404, "NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist");
            default -> null;
        };
    }

    private boolean hasPolicy(int a, int b) {
        return pct(30, a, 33, b);
    }

    private String policy(int a, int b) {
        String arn = "arn:aws:s3:::" + bucketName(a, b);
        return pct(50, a, 34, b)
                ? "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyInsecure\",\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"s3:*\",\"Resource\":[\"" + arn + "\",\"" + arn + "/*\"],\"Condition\":{\"Bool\":"
                + "{\"aws:SecureTransport\":\"false\"}}}]}"
                : "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Logs\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"logging.s3.amazonaws.com\"},\"Action\":\"s3:PutObject\",\"Resource\":\"" + arn + "/*\"}]}";
    }

    private static String block(boolean on) {
        return "<BlockPublicAcls>" + on + "</BlockPublicAcls><IgnorePublicAcls>" + on + "</IgnorePublicAcls><BlockPublicPolicy>"
                + on + "</BlockPublicPolicy><RestrictPublicBuckets>" + on + "</RestrictPublicBuckets>";
    }

    private Answer s3control(int a) {
        if (a % 2 == 1) {
            return controlError(spec.accountId(a), 404, "NoSuchPublicAccessBlockConfiguration",
                    "The public access block configuration was not found");
        }
        return Answer.of(200, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PublicAccessBlockConfiguration xmlns=\""
                + S3C_NS + "\">" + block(true) + "</PublicAccessBlockConfiguration>");
    }

    // ---------------------------------------------------------------- Cost Explorer

    private static final Pattern START = Pattern.compile("\"Start\"\\s*:\\s*\"([0-9-]+)\"");
    private static final Pattern END = Pattern.compile("\"End\"\\s*:\\s*\"([0-9-]+)\"");
    private static final Pattern GRANULARITY = Pattern.compile("\"Granularity\"\\s*:\\s*\"([A-Z]+)\"");

    private static String find(Pattern p, String body) {
        Matcher m = p.matcher(body);
        return m.find() ? m.group(1) : null;
    }

    private Answer ce(Call c, String op, int a) {
        LocalDate start = LocalDate.parse(find(START, c.body()));
        LocalDate end = LocalDate.parse(find(END, c.body()));
        LocalDate oldest = LocalDate.of(2026, 11, 1).minusMonths(spec.months());
        switch (op) {
            case "GetCostAndUsage" -> {
                boolean monthly = "MONTHLY".equals(find(GRANULARITY, c.body()));
                boolean grouped = c.body().contains("\"GroupBy\"");
                StringBuilder sb = new StringBuilder("{\"GroupDefinitions\":")
                        .append(grouped ? "[{\"Type\":\"DIMENSION\",\"Key\":\"SERVICE\"}]" : "[]").append(",\"ResultsByTime\":[");
                boolean first = true;
                for (LocalDate from = start; from.isBefore(end); ) {
                    LocalDate to = monthly ? min(from.withDayOfMonth(1).plusMonths(1), end) : from.plusDays(1);
                    if (!first) sb.append(',');
                    first = false;
                    boolean known = !from.isBefore(oldest);
                    boolean estimated = !to.isBefore(LocalDate.of(2026, 11, 29));
                    double days = ChronoUnit.DAYS.between(from, to);
                    sb.append("{\"TimePeriod\":{\"Start\":\"").append(from).append("\",\"End\":\"").append(to).append("\"},");
                    if (grouped) {
                        sb.append("\"Total\":{},\"Groups\":[");
                        for (int s = 0; known && s < SERVICES.length; s++) {
                            if (s > 0) sb.append(',');
                            double usd = days * (5 + Math.floorMod(h(a, 40, s, from.getMonthValue()), 4000) / 100.0) / (s + 1);
                            sb.append("{\"Keys\":[\"").append(SERVICES[s]).append("\"],\"Metrics\":{\"UnblendedCost\":{\"Amount\":\"")
                                    .append(String.format(java.util.Locale.ROOT, "%.10f", usd)).append("\",\"Unit\":\"USD\"}}}");
                        }
                        sb.append("],");
                    } else {
                        double usd = known ? days * (40 + Math.floorMod(h(a, 41, from.toEpochDay()), 2000) / 100.0) : 0;
                        sb.append("\"Total\":{\"UnblendedCost\":{\"Amount\":\"").append(String.format(java.util.Locale.ROOT, "%.10f", usd))
                                .append("\",\"Unit\":\"USD\"}},\"Groups\":[],");
                    }
                    sb.append("\"Estimated\":").append(estimated).append('}');
                    from = to;
                }
                sb.append("],\"DimensionValueAttributes\":[]}");
                return new Answer(200, "application/x-amz-json-1.1", sb.toString().getBytes(StandardCharsets.UTF_8), Map.of());
            }
            case "GetCostForecast" -> {
                double usd = 1500 + Math.floorMod(h(a, 42), 300_000) / 100.0;
                String body = "{\"Total\":{\"Amount\":\"" + String.format(java.util.Locale.ROOT, "%.10f", usd) + "\",\"Unit\":\"USD\"},"
                        + "\"ForecastResultsByTime\":[{\"TimePeriod\":{\"Start\":\"" + start + "\",\"End\":\"" + end
                        + "\"},\"MeanValue\":\"" + String.format(java.util.Locale.ROOT, "%.10f", usd) + "\"}]}";
                return new Answer(200, "application/x-amz-json-1.1", body.getBytes(StandardCharsets.UTF_8), Map.of());
            }
            default -> {
                return null;
            }
        }
    }

    // ---------------------------------------------------------------- CloudWatch and the Price List

    private static final String CW_NS = "http://monitoring.amazonaws.com/doc/2010-08-01/";

    /**
     * GetMetricData (Query protocol): one datapoint a UTC day for every query; a fifth of the
     * instances and a tenth of the volumes idle, the rest busy.
     */
    private Answer getMetricData(Call c) {
        LocalDate from = Instant.parse(c.param("StartTime")).atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate to = Instant.parse(c.param("EndTime")).atZone(ZoneOffset.UTC).toLocalDate();
        StringBuilder sb = new StringBuilder("<MetricDataResults>");
        for (int n = 1; c.param("MetricDataQueries.member." + n + ".Id") != null; n++) {
            String q = "MetricDataQueries.member." + n + ".";
            String metric = c.param(q + "MetricStat.Metric.MetricName");
            String resource = c.param(q + "MetricStat.Metric.Dimensions.member.1.Value");
            boolean idle = resource.startsWith("vol-") ? pct(10, resource.hashCode(), 7) : pct(20, resource.hashCode(), 7);
            double v = switch (metric) {
                case "CPUUtilization" -> idle ? 1.5 : 42.0;
                case "NetworkIn", "NetworkOut" -> idle ? 100_000 : 900_000_000;
                default -> idle ? 0 : 25_000;
            };
            sb.append("<member><Id>").append(c.param(q + "Id")).append("</Id><Label>").append(metric).append("</Label><Timestamps>");
            for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) sb.append("<member>").append(d).append("T00:00:00Z</member>");
            sb.append("</Timestamps><Values>");
            for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) sb.append("<member>").append(v).append("</member>");
            sb.append("</Values><StatusCode>Complete</StatusCode><Messages/></member>");
        }
        return query("monitoring", CW_NS, "GetMetricData", sb.append("</MetricDataResults><Messages/>").toString());
    }

    /** GetProducts (JSON 1.1): the one product the TERM_MATCH filters name, with its OnDemand term, as a string. */
    private Answer getProducts(Call c) {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode attrs = json.createObjectNode().put("servicecode", "AmazonEC2")
                .put("marketoption", "OnDemand");
        json.readTree(c.body()).path("Filters").values().forEach(f -> attrs.put(f.path("Field").asString(), f.path("Value").asString()));
        String type = attrs.path("instanceType").asString("");
        String sku = "BENCH" + Math.floorMod(h(type.hashCode(), attrs.path("regionCode").asString("").hashCode()), 100_000);
        ObjectNode product = json.createObjectNode();
        product.putObject("product").put("productFamily", "Compute Instance").put("sku", sku).set("attributes", attrs);
        product.put("serviceCode", "AmazonEC2");
        ObjectNode term = product.putObject("terms").putObject("OnDemand")
                .putObject(sku + ".JRTCKXETXF").put("sku", sku).put("offerTermCode", "JRTCKXETXF");
        term.putObject("priceDimensions").putObject(sku + ".JRTCKXETXF.6YS6EN2CT7").put("unit", "Hrs").put("beginRange", "0")
                .put("endRange", "Inf").putObject("pricePerUnit").put("USD", type.startsWith("m4.") ? "0.1000000000" : "0.0960000000");
        ObjectNode answer = json.createObjectNode().put("FormatVersion", "aws_v1");
        answer.putArray("PriceList").add(json.writeValueAsString(product));
        return new Answer(200, "application/x-amz-json-1.1", json.writeValueAsBytes(answer), Map.of());
    }

    /** A JSON protocol answer whose only member is the empty list {@code member}. */
    private static Answer emptyJson(String version, String member) {
        return new Answer(200, "application/x-amz-json-" + version,
                ("{\"" + member + "\":[]}").getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static LocalDate min(LocalDate x, LocalDate y) {
        return x.isBefore(y) ? x : y;
    }
}
