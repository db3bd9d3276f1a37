package cloud.consolesensei.ec2;

import static cloud.consolesensei.ec2.Ec2Fixtures.instance;
import static cloud.consolesensei.ec2.Ec2Fixtures.tokens;
import static cloud.consolesensei.ec2.Ec2Fixtures.view;
import static cloud.consolesensei.ec2.Ec2TestSupport.ctx;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.finding.Severity;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.ec2.model.InstanceMetadataOptionsResponse;

class InstanceImdsV1CheckTest {

    private static final CheckContext US = ctx("us-east-1");
    private final InstanceImdsV1Check check = new InstanceImdsV1Check();

    @Test
    void optionalTokensWithoutPublicIpIsMedium() {
        assertThat(check.evaluate(view(instance("m5.large", "running").metadataOptions(tokens("optional"))), US))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
                    assertThat(f.detail()).contains("HttpTokens = optional");
                });
        assertThat(check.evaluate(view(instance("m5.large", "running").metadataOptions(tokens("optional"))
                .publicIpAddress("")), US)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
    }

    @Test
    void optionalTokensWithPublicIpIsHigh() {
        assertThat(check.evaluate(view(instance("m5.large", "running").metadataOptions(tokens("optional"))
                .publicIpAddress("54.1.2.3")), US)).singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.HIGH);
                    assertThat(f.detail()).contains("54.1.2.3");
                });
    }

    @Test
    void requiredTokensNotRunningOrUnknownOptionsDoNotFire() {
        assertThat(check.evaluate(view(instance("m5.large", "running").metadataOptions(tokens("required"))
                .publicIpAddress("54.1.2.3")), US)).isEmpty();
        assertThat(check.evaluate(view(instance("m5.large", "stopped").metadataOptions(tokens("optional"))), US))
                .isEmpty();
        assertThat(check.evaluate(view(instance("m5.large", "running")), US)).isEmpty();
    }

    @Test
    void disabledMetadataEndpointExposesNothing() {
        assertThat(check.evaluate(view(instance("m5.large", "running").publicIpAddress("54.1.2.3")
                .metadataOptions(InstanceMetadataOptionsResponse.builder().httpTokens("optional")
                        .httpEndpoint("disabled").build())), US)).isEmpty();
    }

    @Test
    void absentEndpointIsTheDefaultEnabled() {
        assertThat(check.evaluate(view(instance("m5.large", "running").metadataOptions(
                InstanceMetadataOptionsResponse.builder().httpTokens("optional").build())), US))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
    }

    @Test
    void unknownEndpointValueIsInfoWithTheRawValue() {
        assertThat(check.evaluate(view(instance("m5.large", "running").metadataOptions(
                InstanceMetadataOptionsResponse.builder().httpTokens("optional").httpEndpoint("paused").build())), US))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.detail()).contains("HttpEndpoint 'paused'");
                });
    }

    @Test
    void unknownTokensValueIsInfoWithTheRawValue() {
        assertThat(check.evaluate(view(instance("m5.large", "running").metadataOptions(tokens("sometimes"))), US))
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                    assertThat(f.detail()).contains("'sometimes'");
                });
    }
}
