package cloud.consolesensei.job;

import static cloud.consolesensei.testkit.AwsWire.action;
import static cloud.consolesensei.testkit.AwsWire.signed;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.testkit.AwsTemplate;
import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.Cli;
import cloud.consolesensei.testkit.Ec2Xml;
import cloud.consolesensei.testkit.FaultInjector;
import cloud.consolesensei.testkit.JobTest;
import cloud.consolesensei.testkit.WireEstate;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit job against AWS as it really is, over the wire through the real SDK: WireMock serves
 * every service of two accounts (one through AssumeRole) and a {@link FaultInjector} throttles, fails,
 * resets and slows calls; hostile answers (AccessDenied, AuthFailure of an opt-in region, malformed
 * bodies, an expired session, a throttling storm) each become exactly one coverage gap while
 * everything else is audited as in a fault-free run.
 */
@JobTest
class FaultsAuditJobWireTest {

    static final String BASE_ACCOUNT = "111122223333";
    static final String ROLE_ACCOUNT = "444455556666";
    static final String ROLE_ARN = "arn:aws:iam::444455556666:role/audit";
    static final String ROLE_KEY = "ASIAROLEEXAMPLE00002";
    static final String EXTERNAL_ID = "ext-id-do-not-leak-7f3a";
    static final String SMTP_PASSWORD = "smtp-pass-do-not-leak-91c2";
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 29);
    static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");
    /** Fast retries so a test with hundreds of injected faults stays well under a minute. */
    static final String[] FAST_RETRIES = {"--consolesensei.aws.max-attempts=5", "--consolesensei.aws.retry-base-delay=5ms",
            "--consolesensei.aws.read-timeout=1500ms", "--consolesensei.aws.concurrency=4"};

    @TempDir
    Path work;

    private AwsWire aws;
    private FaultInjector faults;
    private WireEstate estate;

    @BeforeEach
    void estate() {
        faults = new FaultInjector();
        aws = AwsWire.withExtensions(faults);
        aws.stub(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404)));
        estate = new WireEstate(aws);
        estate.callerIdentity(BASE_ACCOUNT);
        estate.assumeRole(ROLE_ARN, ROLE_ACCOUNT, ROLE_KEY, "2099-01-01T00:00:00Z");
        estate.account(AwsWire.BASE_KEY, BASE_ACCOUNT, REGIONS, AS_OF);
        estate.account(ROLE_KEY, ROLE_ACCOUNT, REGIONS, AS_OF);
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private Path config(String baseRegions) throws Exception {
        Path config = work.resolve("audit.yml");
        Files.writeString(config, """
                consolesensei:
                  accounts:
                    - id: "%s"
                      name: base-account
                      regions: [%s]
                      monthly-budget-usd: 500
                      recipients: [base-team@example.com]
                    - id: "%s"
                      name: role-account
                      role-arn: %s
                      external-id: %s
                      regions: [us-east-1, eu-west-1]
                      monthly-budget-usd: 500
                      recipients: [role-team@example.com]
                """.formatted(BASE_ACCOUNT, baseRegions, ROLE_ACCOUNT, ROLE_ARN, EXTERNAL_ID));
        return config;
    }

    /** Runs the audit in {@code dir} (its own database, so no cache is shared) and returns the result. */
    Cli.Result run(Path dir, Path config, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--config", config.toString(), "--as-of", AS_OF.toString(),
                "--reports-dir", dir.resolve("reports").toString()));
        if (!List.of(extra).contains("--spring.mail.host=127.0.0.1")) args.add("--no-email");
        args.addAll(List.of(FAST_RETRIES));
        args.addAll(List.of(extra));
        return Cli.run(dir, args.toArray(String[]::new));
    }

    static Path file(Path dir, String name) {
        return dir.resolve("reports").resolve(AS_OF.toString()).resolve(name + "-all-" + AS_OF + ".csv");
    }

    /** Findings CSV rows keyed by account, region, check and resource: every column of the row as value. */
    static Map<String, String> findings(Path dir) throws Exception {
        Map<String, String> m = new TreeMap<>();
        for (CSVRecord r : Ec2EbsAuditJobWireTest.csv(file(dir, "findings"))) {
            m.put(r.get("account_id") + " " + r.get("region") + " " + r.get("check_id") + " " + r.get("resource_id"),
                    String.join("|", r.toList()));
        }
        return m;
    }

    /** Coverage CSV rows as "account region service operation CLASS". */
    static List<String> gaps(Path dir) throws Exception {
        return Ec2EbsAuditJobWireTest.csv(file(dir, "coverage")).stream()
                .map(r -> r.get("account_id") + " " + r.get("region") + " " + r.get("service") + " " + r.get("operation")
                        + " " + r.get("error_class"))
                .sorted().toList();
    }

    /** The findings of a fault-free run of the estate on both accounts' two regions: one run for the class. */
    private static Map<String, String> cleanFindings;

    /**
     * The findings of the fault-free run every test compares with, run once (by the first test that
     * asks, on its own fresh estate before it adds any fault) and kept: the estate is the same in every
     * test, and the findings CSV holds nothing of the run that made it (no id, no clock), so a second
     * fault-free run would only repeat the first.
     */
    private Map<String, String> cleanFindings() throws Exception {
        if (cleanFindings == null) {
            Path clean = work.resolve("clean");
            Cli.Result baseline = run(clean, config("us-east-1, eu-west-1"));
            assertThat(baseline.code()).as(baseline.err()).isZero();
            assertThat(gaps(clean)).isEmpty();
            Map<String, String> found = findings(clean);
            // every service contributed: the comparisons mean something for each protocol
            assertThat(found.keySet().stream().map(k -> k.split(" ")[2].replaceAll("\\..*", "")).collect(Collectors.toSet()))
                    .contains("ec2", "ebs", "iam", "cost");
            cleanFindings = found;
        }
        return cleanFindings;
    }

    @Test
    void throttlingServerErrorsResetsAndTimeoutsBelowTheRetryBudgetChangeNothing() throws Exception {
        Path config = config("us-east-1, eu-west-1");
        Map<String, String> expected = cleanFindings();

        faults.shares(30, 10, 5, 5, 2200);
        Path faulty = work.resolve("faulty");
        Cli.Result run = run(faulty, config);

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(gaps(faulty)).isEmpty();
        assertThat(findings(faulty)).isEqualTo(expected);
        Map<String, Integer> injected = faults.injected();
        assertThat(injected.keySet()).contains("throttle EC2 RequestLimitExceeded", "throttle S3 SlowDown",
                "throttle QUERY Throttling", "throttle QUERY ThrottlingException", "throttle QUERY TooManyRequestsException",
                "throttle JSON LimitExceededException", "throttle JSON ThrottlingException",
                "5xx EC2", "5xx QUERY", "reset EC2", "slow EC2");
        assertThat(injected.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(60);
    }

    @Test
    void eachHostileAnswerIsOneGapAndEverythingElseIsAuditedAsUsual() throws Exception {
        Map<String, String> expected = cleanFindings();
        aws.server().resetRequests();

        // ap-east-1 (opt-in) is not enabled for the base account: AuthFailure, as EC2 answers there, although
        // DescribeRegions (asked because an opt-in region is listed) still says opted-in (an opt-in in progress)
        aws.stub(signed(action("DescribeRegions"), AwsWire.BASE_KEY, "us-east-1", "ec2").atPriority(1)
                .willReturn(AwsWire.fromFile("ec2/describe-regions-opt-in-in-progress.xml", AwsWire.XML)));
        aws.stub(signed(any(anyUrl()), AwsWire.BASE_KEY, "ap-east-1", "[a-z0-9]+").atPriority(1)
                .willReturn(ec2Error(401, "AuthFailure", "AWS was not able to validate the provided access credentials")));
        // a throttling storm past the retry budget on one API of one account and region
        faults.storm(r -> FaultInjector.scope(r)[0].equals(ROLE_KEY) && FaultInjector.scope(r)[1].equals("eu-west-1")
                && r.getBodyAsString().matches("(.*&)?Action=DescribeSnapshots(&.*)?"));
        // AccessDenied on one operation
        aws.stub(signed(action("DescribeAddresses"), AwsWire.BASE_KEY, "eu-west-1", "ec2").atPriority(1)
                .willReturn(ec2Error(403, "UnauthorizedOperation", "You are not authorized to perform this operation.")));
        // malformed: an HTML page with 200, truncated XML, a missing field, invalid JSON
        aws.stub(signed(action("DescribeSecurityGroups"), AwsWire.BASE_KEY, "us-east-1", "ec2").atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody("<html><head><title>Sign in</title></head><body><form>proxy login</form></body></html>")));
        String addresses = Ec2Xml.describeAddresses(Ec2Xml.unassociated("203.0.113.25", "eipalloc-0cut", "us-east-1"));
        aws.stub(signed(action("DescribeAddresses"), AwsWire.BASE_KEY, "us-east-1", "ec2").atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                        .withBody(addresses.substring(0, addresses.indexOf("</publicIp>") + "</pub".length()))));
        aws.stub(signed(action("GetEbsEncryptionByDefault"), ROLE_KEY, "us-east-1", "ec2").atPriority(1)
                .willReturn(AwsWire.fromFile("ec2/get-ebs-encryption-by-default-without-value.xml", AwsWire.XML)));
        aws.stub(WireEstate.ce(ROLE_KEY, "GetCostForecast").atPriority(1)
                .willReturn(AwsWire.fromFile("ce/get-cost-forecast-truncated.json", AwsWire.JSON_11)));
        // the role's session is refused as expired by IAM in the middle of the run
        aws.stub(signed(action("ListRoles"), ROLE_KEY, "[a-z0-9-]+", "iam").atPriority(1)
                .willReturn(AwsWire.errorFromFile(403, "iam/error-expired-token.xml", AwsWire.XML)));

        // role sessions that expire 20 s after they are issued: inside the SDK's 1-minute stale window, so
        // StsAssumeRoleCredentialsProvider must renew them as the run goes on
        aws.stub(action("AssumeRole").atPriority(1).willReturn(WireEstate.session(ROLE_ACCOUNT, "audit", ROLE_KEY,
                WireEstate.ROLE_SECRET, "{{now offset='20 seconds'}}").withTransformers("response-template")));

        Path hostile = work.resolve("hostile");
        // with --debug (AWS SDK request logging) and an SMTP password, for the secrets scan below
        Cli.Result run = run(hostile, config("us-east-1, eu-west-1, ap-east-1"), "--debug",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=1", "--spring.mail.username=audit",
                "--spring.mail.password=" + SMTP_PASSWORD);

        assertThat(run.code()).as(run.err()).isEqualTo(3);
        assertThat(gaps(hostile)).containsExactly(
                BASE_ACCOUNT + " ap-east-1 ec2 DescribeInstances " + ErrorClass.REGION_NOT_ENABLED,
                BASE_ACCOUNT + " eu-west-1 ec2 DescribeAddresses " + ErrorClass.ACCESS_DENIED,
                BASE_ACCOUNT + " us-east-1 ec2 DescribeAddresses " + ErrorClass.MALFORMED_RESPONSE,
                BASE_ACCOUNT + " us-east-1 ec2 DescribeSecurityGroups " + ErrorClass.MALFORMED_RESPONSE,
                ROLE_ACCOUNT + " eu-west-1 ec2 DescribeSnapshots " + ErrorClass.THROTTLED,
                ROLE_ACCOUNT + " global ce GetCostForecast " + ErrorClass.MALFORMED_RESPONSE,
                ROLE_ACCOUNT + " global iam ListRoles " + ErrorClass.EXPIRED_CREDENTIALS,
                ROLE_ACCOUNT + " us-east-1 ec2 GetEbsEncryptionByDefault " + ErrorClass.MALFORMED_RESPONSE);
        // the not-enabled region is one INFO row with the remedy, and was called once, not once per source
        CSVRecord optIn = Ec2EbsAuditJobWireTest.csv(file(hostile, "coverage")).stream()
                .filter(r -> r.get("region").equals("ap-east-1")).findFirst().orElseThrow();
        assertThat(optIn.get("remedy")).isEqualTo(ErrorClass.REGION_NOT_ENABLED.remedy());
        assertThat(optIn.get("info")).isEqualTo("true");
        assertThat(Ec2EbsAuditJobWireTest.csv(file(hostile, "coverage"))).filteredOn(r -> !r.get("region").equals("ap-east-1"))
                .hasSize(7).allSatisfy(r -> assertThat(r.get("info")).isEqualTo("false"));
        assertThat(run.out()).contains("7 coverage gap(s)");
        // the short role sessions were renewed, and calls with them kept succeeding (the findings below)
        assertThat(aws.server().findAll(postRequestedFor(urlPathEqualTo("/"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matching("(.*&)?Action=AssumeRole(&.*)?"))))
                .hasSizeGreaterThan(1);
        Secrets.assertNoneIn(run, hostile, List.of(AwsWire.BASE_SECRET, WireEstate.ROLE_SECRET, WireEstate.ROLE_TOKEN,
                EXTERNAL_ID, SMTP_PASSWORD));
        List<LoggedRequest> optInCalls = aws.server().findAll(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.containing("/ap-east-1/")));
        assertThat(optInCalls).hasSize(1);
        // the storm used the whole retry budget of each call it hit, and no more: one retry layer, the SDK's
        List<LoggedRequest> storm = aws.server().findAll(postRequestedFor(urlPathEqualTo("/"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matching("(.*&)?Action=DescribeSnapshots(&.*)?")))
                .stream().filter(r -> FaultInjector.scope(r)[0].equals(ROLE_KEY) && FaultInjector.scope(r)[1].equals("eu-west-1"))
                .toList();
        long distinctCalls = storm.stream().map(LoggedRequest::getBodyAsString).distinct().count();
        assertThat(distinctCalls).isPositive();
        assertThat(storm).hasSize((int) distinctCalls * 5);

        Map<String, String> want = new TreeMap<>(expected);
        want.keySet().removeIf(k -> lost(k));
        assertThat(findings(hostile)).isEqualTo(want);
        assertThat(want.size()).isLessThan(expected.size());
    }

    @Test
    void invalidBaseCredentialsFailFastWithTheRemedy() throws Exception {
        aws.stub(signed(action("GetCallerIdentity"), AwsWire.BASE_KEY, "[a-z0-9-]+", "sts").atPriority(1).willReturn(
                AwsWire.errorFromFile(403, "sts/error-invalid-client-token-id.xml", AwsWire.XML)));
        Path dir = work.resolve("invalid");

        Cli.Result run = run(dir, config("us-east-1"));

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("error: the base AWS credentials do not work (sts:GetCallerIdentity): Invalid credentials")
                .contains("InvalidClientTokenId").contains(ErrorClass.INVALID_CREDENTIALS.remedy());
        // failed fast: no account was read, no report written
        assertThat(aws.server().findAll(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.containing("/ec2/")))).isEmpty();
        assertThat(dir.resolve("reports")).doesNotExist();
    }

    /** The findings the hostile answers take away: those of the operations that failed, nothing else. */
    private static boolean lost(String key) {
        String[] k = key.split(" ");
        String account = k[0], region = k[1], check = k[2];
        return account.equals(BASE_ACCOUNT) && check.equals("ec2.eip_unassociated")
                || account.equals(BASE_ACCOUNT) && region.equals("us-east-1") && check.equals("ec2.security_group_admin_ports_open")
                || account.equals(ROLE_ACCOUNT) && region.equals("eu-west-1") && check.startsWith("ebs.snapshot_")
                || account.equals(ROLE_ACCOUNT) && region.equals("us-east-1") && check.equals("ebs.default_encryption_off")
                || account.equals(ROLE_ACCOUNT) && check.equals("cost.forecast_over_budget");
    }

    static ResponseDefinitionBuilder ec2Error(int status, String code, String message) {
        return AwsTemplate.of("ec2/error.xml").answer(status, AwsWire.XML, "code", code, "message", message,
                "requestId", "ea966190-f9aa-478e-9ede-EXAMPLE");
    }
}
