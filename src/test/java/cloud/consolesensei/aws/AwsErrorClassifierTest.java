package cloud.consolesensei.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cloud.consolesensei.testkit.AwsTemplate;
import cloud.consolesensei.testkit.AwsWire;
import cloud.consolesensei.testkit.WireTest;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.costexplorer.model.CostExplorerException;
import software.amazon.awssdk.services.costexplorer.model.LimitExceededException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.model.ExpiredTokenException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The error classifier, table-driven: real SDK exceptions built with their builders as each
 * service's unmarshaller would produce them (code, HTTP status, message), and the HTTP kinds
 * (5xx, connection reset, read timeout, unparseable bodies) produced over the wire by the real
 * SDK against WireMock. Also which failures the run's one retry strategy retries.
 */
@WireTest
class AwsErrorClassifierTest {

    private static AwsServiceException.Builder details(AwsServiceException.Builder b, int status, String code, String message) {
        return b.statusCode(status).message(message)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("svc").build());
    }

    static Stream<Arguments> serviceErrors() {
        return Stream.of(
                // invalid credentials
                Arguments.of(details(StsException.builder(), 403, "InvalidClientTokenId", "The security token included in the request is invalid.").build(), false, ErrorClass.INVALID_CREDENTIALS),
                Arguments.of(details(IamException.builder(), 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.").build(), false, ErrorClass.INVALID_CREDENTIALS),
                Arguments.of(details(S3Exception.builder(), 403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.").build(), false, ErrorClass.INVALID_CREDENTIALS),
                Arguments.of(details(Ec2Exception.builder(), 401, "AuthFailure", "AWS was not able to validate the provided access credentials").build(), false, ErrorClass.INVALID_CREDENTIALS),
                // expired
                Arguments.of(details(ExpiredTokenException.builder(), 400, "ExpiredToken", "The security token included in the request is expired").build(), false, ErrorClass.EXPIRED_CREDENTIALS),
                Arguments.of(details(CostExplorerException.builder(), 400, "ExpiredTokenException", "The security token included in the request is expired").build(), false, ErrorClass.EXPIRED_CREDENTIALS),
                // access denied
                Arguments.of(details(IamException.builder(), 403, "AccessDenied", "User: arn:aws:iam::111122223333:user/audit is not authorized to perform: iam:ListUsers").build(), false, ErrorClass.ACCESS_DENIED),
                Arguments.of(details(Ec2Exception.builder(), 403, "UnauthorizedOperation", "You are not authorized to perform this operation.").build(), false, ErrorClass.ACCESS_DENIED),
                Arguments.of(details(CostExplorerException.builder(), 400, "AccessDeniedException", "User is not authorized to perform: ce:GetCostAndUsage").build(), false, ErrorClass.ACCESS_DENIED),
                Arguments.of(details(S3Exception.builder(), 403, "AccessDenied", "Access Denied").build(), false, ErrorClass.ACCESS_DENIED),
                Arguments.of(details(StsException.builder(), 403, "AccessDenied", "User: arn:aws:iam::111122223333:user/audit is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/audit").build(), false, ErrorClass.ROLE_NOT_ASSUMABLE),
                // throttled
                Arguments.of(details(IamException.builder(), 400, "Throttling", "Rate exceeded").build(), false, ErrorClass.THROTTLED),
                Arguments.of(details(CostExplorerException.builder(), 400, "ThrottlingException", "Rate exceeded").build(), false, ErrorClass.THROTTLED),
                Arguments.of(details(Ec2Exception.builder(), 503, "RequestLimitExceeded", "Request limit exceeded.").build(), false, ErrorClass.THROTTLED),
                Arguments.of(details(S3Exception.builder(), 503, "SlowDown", "Please reduce your request rate.").build(), false, ErrorClass.THROTTLED),
                Arguments.of(details(AutoScalingException.builder(), 429, "TooManyRequestsException", "Too many requests").build(), false, ErrorClass.THROTTLED),
                Arguments.of(details(LimitExceededException.builder(), 400, "LimitExceededException", "You have exceeded the rate limit.").build(), false, ErrorClass.THROTTLED),
                // region not enabled: only in an opt-in region does AuthFailure mean that
                Arguments.of(details(Ec2Exception.builder(), 401, "AuthFailure", "AWS was not able to validate the provided access credentials").build(), true, ErrorClass.REGION_NOT_ENABLED),
                Arguments.of(details(AutoScalingException.builder(), 400, "UnrecognizedClientException", "The security token included in the request is invalid.").build(), true, ErrorClass.REGION_NOT_ENABLED),
                Arguments.of(details(Ec2Exception.builder(), 401, "OptInRequired", "You are not subscribed to this service.").build(), false, ErrorClass.REGION_NOT_ENABLED),
                // clock skew
                Arguments.of(details(S3Exception.builder(), 403, "RequestTimeTooSkewed", "The difference between the request time and the current time is too large.").build(), false, ErrorClass.CLOCK_SKEW),
                Arguments.of(details(StsException.builder(), 403, "SignatureDoesNotMatch", "Signature expired: 20261129T100000Z is now earlier than 20261129T101500Z (20261129T103000Z - 15 min.)").build(), false, ErrorClass.CLOCK_SKEW),
                Arguments.of(details(Ec2Exception.builder(), 400, "RequestExpired", "Request has expired.").build(), false, ErrorClass.CLOCK_SKEW),
                // server errors, malformed, other
                Arguments.of(details(Ec2Exception.builder(), 500, "InternalError", "An internal error has occurred").build(), false, ErrorClass.SERVICE_ERROR),
                Arguments.of(details(IamException.builder(), 503, "ServiceUnavailable", "Service is unavailable").build(), false, ErrorClass.SERVICE_ERROR),
                Arguments.of(details(CostExplorerException.builder(), 400, "DataUnavailableException", "Insufficient amount of historical data").build(), false, ErrorClass.DATA_UNAVAILABLE),
                Arguments.of(details(IamException.builder(), 404, "NoSuchEntity", "The user with name x cannot be found.").build(), false, ErrorClass.NOT_FOUND),
                Arguments.of(details(Ec2Exception.builder(), 400, "InvalidParameterValue", "Value (x) for parameter y is invalid").build(), false, ErrorClass.CLIENT_ERROR),
                Arguments.of(S3Exception.builder().statusCode(400).build(), false, ErrorClass.MALFORMED_RESPONSE),
                // client side
                Arguments.of(SdkClientException.create("Unable to execute HTTP request: Read timed out", new SocketTimeoutException("Read timed out")), false, ErrorClass.TIMEOUT),
                Arguments.of(ApiCallAttemptTimeoutException.create(1000), false, ErrorClass.TIMEOUT),
                Arguments.of(SdkClientException.create("Unable to load credentials from any of the providers in the chain"), false, ErrorClass.INVALID_CREDENTIALS),
                Arguments.of(SdkClientException.create("Unable to unmarshall response (ParseError at [row,col]:[3,1]). Response Code: 200"), false, ErrorClass.MALFORMED_RESPONSE),
                Arguments.of(MalformedAnswer.of("GetCostAndUsage TimePeriod.Start 'x' is not a date (YYYY-MM-DD)", null), false, ErrorClass.MALFORMED_RESPONSE),
                // a defect of ours is ours, never AWS's
                Arguments.of(new NullPointerException("Cannot invoke \"String.length()\" because \"name\" is null"), false, ErrorClass.INTERNAL_ERROR),
                Arguments.of(new IllegalStateException("a value exactly when PRESENT"), false, ErrorClass.INTERNAL_ERROR),
                Arguments.of(new ClassCastException("class A cannot be cast to class B"), false, ErrorClass.INTERNAL_ERROR),
                // a wrapper (as a stream or Spring would add) is looked through
                Arguments.of(new IllegalStateException("wrapped", details(Ec2Exception.builder(), 403, "UnauthorizedOperation", "no").build()), false, ErrorClass.ACCESS_DENIED));
    }

    @ParameterizedTest(name = "{2}: {0}")
    @MethodSource("serviceErrors")
    void classifiesEachKind(Throwable error, boolean optInRegion, ErrorClass expected) {
        assertThat(AwsErrorClassifier.classify(error, optInRegion)).isEqualTo(expected);
        assertThat(expected.remedy()).isNotBlank();
        assertThat(AwsErrorClassifier.message(error)).isNotBlank().doesNotContain("\n");
    }

    @Test
    void internalErrorMessageNamesTheExceptionTypeAndOurCodeThatThrewIt() {
        NullPointerException npe = catchThrowableOfType(NullPointerException.class, () -> defect(null));
        String m = AwsErrorClassifier.message(npe);
        assertThat(m).startsWith("NullPointerException at cloud.consolesensei.aws.AwsErrorClassifierTest.defect(AwsErrorClassifierTest.java:")
                .contains("because \"name\" is null");
        // wrapped by a stream or a framework: still the defect's own type and place
        RuntimeException wrapped = new RuntimeException("wrapper", npe);
        assertThat(AwsErrorClassifier.classify(wrapped)).isEqualTo(ErrorClass.INTERNAL_ERROR);
        assertThat(AwsErrorClassifier.message(wrapped)).isEqualTo(m);
        assertThat(ErrorClass.INTERNAL_ERROR.remedy()).contains("defect of ConsoleSensei").doesNotContain("proxy");
    }

    private static int defect(String name) {
        return name.length();
    }

    // ---- which failures the one retry layer retries

    static Stream<Arguments> retryDecisions() {
        return Stream.of(
                Arguments.of(details(IamException.builder(), 400, "Throttling", "Rate exceeded").build(), true),
                Arguments.of(details(CostExplorerException.builder(), 400, "ThrottlingException", "Rate exceeded").build(), true),
                Arguments.of(details(Ec2Exception.builder(), 503, "RequestLimitExceeded", "Request limit exceeded.").build(), true),
                Arguments.of(details(S3Exception.builder(), 503, "SlowDown", "Please reduce your request rate.").build(), true),
                Arguments.of(details(AutoScalingException.builder(), 400, "TooManyRequestsException", "Too many").build(), true),
                Arguments.of(details(LimitExceededException.builder(), 400, "LimitExceededException", "You have exceeded the rate limit.").build(), true),
                Arguments.of(details(Ec2Exception.builder(), 500, "InternalError", "internal").build(), true),
                Arguments.of(details(IamException.builder(), 503, "ServiceUnavailable", "unavailable").build(), true),
                Arguments.of(SdkClientException.create("Unable to execute HTTP request: Connection reset", new java.net.SocketException("Connection reset")), true),
                Arguments.of(SdkClientException.create("Unable to execute HTTP request: Read timed out", new SocketTimeoutException("Read timed out")), true),
                Arguments.of(details(Ec2Exception.builder(), 403, "UnauthorizedOperation", "no").build(), false),
                Arguments.of(details(StsException.builder(), 403, "InvalidClientTokenId", "invalid").build(), false),
                Arguments.of(details(IamException.builder(), 404, "NoSuchEntity", "none").build(), false));
    }

    @ParameterizedTest(name = "retried={1}: {0}")
    @MethodSource("retryDecisions")
    void retryStrategyRetriesThrottlingServerAndNetworkErrorsOnly(Throwable failure, boolean retried) {
        for (String mode : List.of("standard", "adaptive")) {
            AwsSettings d = AwsSettings.defaults();
            RetryStrategy rs = SdkAwsClients.retryStrategy(new AwsSettings(mode, 3, 1, 1, d.connectTimeout(), d.readTimeout(),
                    d.roleSessionDuration(), d.stsHomeRegion(), Duration.ofMillis(1)));
            var token = rs.acquireInitialToken(AcquireInitialTokenRequest.create("test")).token();
            Throwable t = catchThrowable(() -> rs.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(failure).build()));
            if (retried) assertThat(t).as(mode).isNull();
            else assertThat(t).as(mode).isInstanceOf(TokenAcquisitionFailedException.class);
        }
    }

    // ---- the HTTP kinds, produced by the real SDK over the wire

    private static final AccountTarget ACCOUNT = new AccountTarget("111122223333", "wire", null, null,
            List.of("us-east-1"), List.of(), null, List.of());

    static Stream<Arguments> wireKinds() {
        ResponseDefinitionBuilder xml200 = aResponse().withStatus(200).withHeader("Content-Type", "text/xml");
        ResponseDefinitionBuilder json200 = aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1");
        return Stream.of(
                Arguments.of("ec2 500 InternalError", "ec2", AwsTemplate.of("ec2/error.xml").answer(500, AwsWire.XML,
                        "code", "InternalError", "message", "An internal error has occurred", "requestId", "r-1"),
                        ErrorClass.SERVICE_ERROR),
                Arguments.of("ec2 502 from a proxy, HTML", "ec2", aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                        .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>"), ErrorClass.SERVICE_ERROR),
                Arguments.of("ec2 connection reset", "ec2", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), ErrorClass.TIMEOUT),
                Arguments.of("ec2 empty reply", "ec2", aResponse().withFault(Fault.EMPTY_RESPONSE), ErrorClass.TIMEOUT),
                Arguments.of("ec2 read timeout", "ec2", xml200.withFixedDelay(3000).withBody("<DescribeVolumesResponse/>"), ErrorClass.TIMEOUT),
                Arguments.of("ec2 truncated XML", "ec2", aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                        .withBody("<DescribeVolumesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><volumeSet><item><volumeId>vol-1</vol"), ErrorClass.MALFORMED_RESPONSE),
                Arguments.of("ec2 200 HTML page", "ec2", aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                        .withBody("<html><head><title>Login</title></head><body>Please sign in to the proxy</body></html>"), ErrorClass.MALFORMED_RESPONSE),
                Arguments.of("iam 200 not XML", "iam", aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                        .withBody("this is not xml"), ErrorClass.MALFORMED_RESPONSE),
                Arguments.of("ce invalid JSON", "ce", json200.withBody("{\"ResultsByTime\": [ {\"TimePeriod\": "), ErrorClass.MALFORMED_RESPONSE),
                Arguments.of("ce wrong JSON type", "ce", aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"ResultsByTime\": \"yes\"}"), ErrorClass.MALFORMED_RESPONSE),
                Arguments.of("ce 500 JSON", "ce", AwsWire.errorFromFile(500, "ce/error-internal-server-error.json",
                        AwsWire.JSON_11), ErrorClass.SERVICE_ERROR),
                Arguments.of("s3 503 SlowDown", "s3", AwsWire.errorFromFile(503, "s3/error-slow-down.xml", "application/xml"),
                        ErrorClass.THROTTLED));
    }

    /** Over the wire: a WireMock server per test here only, not for the table-driven tests above. */
    @Nested
    class OverTheWire {

        private AwsWire aws;
        private WireMockServer wm;
        private SdkAwsClients clients;

        @BeforeEach
        void start() {
            aws = new AwsWire();
            wm = aws.server();
            AwsSettings d = AwsSettings.defaults();
            // one attempt: the classifier sees the first failure, as the retry strategy hands it on
            clients = aws.clients(new AwsSettings("standard", 1, 1, 1, Duration.ofSeconds(2), Duration.ofMillis(1500),
                    d.roleSessionDuration(), d.stsHomeRegion()));
        }

        @AfterEach
        void stop() {
            aws.close();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cloud.consolesensei.aws.AwsErrorClassifierTest#wireKinds")
        void classifiesWhatTheSdkThrowsOverTheWire(String name, String service, ResponseDefinitionBuilder answer, ErrorClass expected) {
            wm.stubFor(any(anyUrl()).willReturn(answer));
            Throwable t = catchThrowable(call(service));
            assertThat(t).as(name).isNotNull();
            assertThat(AwsErrorClassifier.classify(t)).as(name + ": " + t).isEqualTo(expected);
            assertThat(AwsErrorClassifier.message(t)).isNotBlank().doesNotContain("secret");
        }

        private org.assertj.core.api.ThrowableAssert.ThrowingCallable call(String service) {
            return switch (service) {
                case "ec2" -> () -> clients.ec2(ACCOUNT, "us-east-1").describeVolumes(r -> r.maxResults(5));
                case "iam" -> () -> clients.iam(ACCOUNT).getAccountPasswordPolicy();
                case "ce" -> () -> clients.costExplorer(ACCOUNT).getCostAndUsage(r -> r.granularity("MONTHLY").metrics("UnblendedCost")
                        .timePeriod(p -> p.start("2026-10-01").end("2026-11-01")));
                case "s3" -> () -> clients.s3(ACCOUNT, "us-east-1").listBuckets();
                default -> throw new IllegalArgumentException(service);
            };
        }
    }
}
