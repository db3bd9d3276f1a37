package cloud.consolesensei.s3;

import cloud.consolesensei.aws.AwsSettings;
import cloud.consolesensei.aws.SdkAwsClients;

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A WireMock server standing in for every AWS endpoint (through the SDK's own
 * {@code aws.endpointUrl} setting) and real SDK clients pointed at it.
 */
public final class WireAws implements AutoCloseable {

    public final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    public final SdkAwsClients clients;

    public WireAws() {
        server.start();
        System.setProperty("aws.endpointUrl", server.baseUrl());
        // Two attempts keep retried failures (throttling, 5xx) quick while still going through the retry strategy.
        clients = new SdkAwsClients(new AwsSettings("standard", 2, 4, 2, Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofHours(1), "us-east-1"),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));
    }

    @Override
    public void close() {
        clients.close();
        server.stop();
        System.clearProperty("aws.endpointUrl");
    }
}
