package cloud.consolesensei.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import cloud.consolesensei.aws.AwsSettings;
import cloud.consolesensei.aws.SdkAwsClients;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A WireMock server standing in for every AWS endpoint, reached by the real SDK through its own
 * {@code aws.endpointUrl} setting, plus request matchers for the Query protocol (EC2, STS, IAM,
 * Auto Scaling: POST / with an Action form parameter) and SigV4 signatures (which key, region and
 * service signed the request: how one stub tells accounts and regions apart). The one WireMock
 * wiring of the tests: a test that runs the whole command line lets the SDK's default credential
 * chain find {@link #BASE_KEY}; a test of one source takes real {@link #clients()} from here.
 */
public final class AwsWire implements AutoCloseable {

    /** The content type of Query-protocol (EC2, STS, IAM, Auto Scaling, CloudWatch) answers. */
    public static final String XML = "text/xml;charset=UTF-8";
    /** The content type of JSON 1.1 answers (Cost Explorer, Price List, Budgets, Organizations). */
    public static final String JSON_11 = "application/x-amz-json-1.1";
    /** The content type of JSON 1.0 answers (Invoicing). */
    public static final String JSON_10 = "application/x-amz-json-1.0";

    /** The base credentials the SDK's default chain picks up (system properties). */
    public static final String BASE_KEY = "AKIDBASEEXAMPLE0001";
    public static final String BASE_SECRET = "base/secret/do-not-leak/0000000000000001";

    /**
     * Settings for tests of one source: the product's defaults but two attempts per call and short
     * timeouts, so a retried failure (throttling, 5xx) still goes through the retry strategy yet
     * stays quick.
     */
    public static final AwsSettings QUICK_RETRIES = new AwsSettings("standard", 2, 4, 2, Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofHours(1), "us-east-1");

    private final WireMockServer server;
    private SdkAwsClients clients;
    private AwsSettings clientSettings;

    /** Without request journal (long runs). */
    public AwsWire() {
        this(false);
    }

    /** With request journal, for tests that count or inspect requests. */
    public static AwsWire withJournal() {
        return new AwsWire(true);
    }

    /** With request journal and WireMock extensions (e.g. a {@link FaultInjector}). */
    public static AwsWire withExtensions(Extension... extensions) {
        return new AwsWire(true, extensions);
    }

    private AwsWire(boolean journal, Extension... extensions) {
        WireMockConfiguration options = WireMockConfiguration.options().dynamicPort().extensions(extensions);
        server = new WireMockServer(journal ? options : options.disableRequestJournal());
        server.start();
        System.setProperty("aws.endpointUrl", server.baseUrl());
        System.setProperty("aws.accessKeyId", BASE_KEY);
        System.setProperty("aws.secretAccessKey", BASE_SECRET);
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    public WireMockServer server() {
        return server;
    }

    /** The server's base URL ({@code http://localhost:PORT}). */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** Real SDK clients with {@link #QUICK_RETRIES}, signing with {@link #BASE_KEY}; closed with this wire. */
    public SdkAwsClients clients() {
        return clients(QUICK_RETRIES);
    }

    /**
     * Real SDK clients with {@code settings}, signing with {@link #BASE_KEY}; closed with this wire.
     *
     * @throws IllegalStateException when clients with other settings were already made
     */
    public synchronized SdkAwsClients clients(AwsSettings settings) {
        if (clients == null) {
            clients = new SdkAwsClients(settings, StaticCredentialsProvider.create(AwsBasicCredentials.create(BASE_KEY,
                    BASE_SECRET)));
            clientSettings = settings;
        } else if (!clientSettings.equals(settings)) {
            throw new IllegalStateException("clients already made with " + clientSettings);
        }
        return clients;
    }

    /** A Query-protocol request (POST /, form body Action=...). */
    public static MappingBuilder action(String action) {
        // the parameter's place in the form varies by service (IAM puts it last)
        return post(urlPathEqualTo("/")).withRequestBody(matching("(.*&)?Action=" + action + "(&.*)?"));
    }

    /** Adds "signed with {@code key} for {@code region} and {@code service}" to a request matcher. */
    public static MappingBuilder signed(MappingBuilder m, String key, String region, String service) {
        return m.withHeader("Authorization", matching(".*Credential=" + java.util.regex.Pattern.quote(key)
                + "/\\d{8}/" + region + "/" + service + "/aws4_request.*"));
    }

    /** A 200 XML answer. */
    public static ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body);
    }

    /**
     * The text of the test resource {@code aws/<path>} (under {@code src/test/resources}): an AWS
     * answer as the service's API reference documents it, kept as a file rather than in Java.
     *
     * @throws IllegalArgumentException when there is no such resource
     */
    public static String file(String path) {
        try (InputStream in = AwsWire.class.getResourceAsStream("/aws/" + path)) {
            if (in == null) throw new IllegalArgumentException("no test resource aws/" + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 200 answer whose body is the file {@code aws/<path>} ({@link #file}), as {@code contentType}. */
    public static ResponseDefinitionBuilder fromFile(String path, String contentType) {
        return aResponse().withStatus(200).withHeader("Content-Type", contentType).withBody(file(path));
    }

    /** An error answer of {@code status} whose body is the file {@code aws/<path>}, as {@code contentType}. */
    public static ResponseDefinitionBuilder errorFromFile(int status, String path, String contentType) {
        return aResponse().withStatus(status).withHeader("Content-Type", contentType).withBody(file(path));
    }

    /** A Price List Query API request (JSON 1.1, {@code X-Amz-Target: AWSPriceListService.<op>}). */
    public static MappingBuilder priceList(String op) {
        return post(urlPathEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSPriceListService." + op));
    }

    /**
     * Makes {@code server} answer GetMetricData with no datapoint and GetProducts with no product, for
     * tests about other operations on the instances and volumes the usage checks also measure.
     */
    public static void noUsageData(WireMockServer server) {
        server.stubFor(action("GetMetricData").willReturn(fromFile("cloudwatch/get-metric-data-no-datapoints.xml",
                "text/xml;charset=UTF-8")));
        server.stubFor(priceList("GetProducts").willReturn(fromFile("pricing/get-products-no-product.json",
                "application/x-amz-json-1.1")));
    }

    public void stub(MappingBuilder m) {
        server.stubFor(m);
    }

    @Override
    public void close() {
        if (clients != null) clients.close();
        for (String p : new String[] {"aws.endpointUrl", "aws.accessKeyId", "aws.secretAccessKey", "aws.region",
                "aws.disableEc2Metadata"}) {
            System.clearProperty(p);
        }
        server.stop();
    }
}
