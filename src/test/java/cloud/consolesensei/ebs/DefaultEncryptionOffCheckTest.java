package cloud.consolesensei.ebs;

import static cloud.consolesensei.ebs.EbsFixtures.*;
import static cloud.consolesensei.ec2.Ec2TestSupport.ctx;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.finding.Severity;

import org.junit.jupiter.api.Test;

class DefaultEncryptionOffCheckTest {

    private final DefaultEncryptionOffCheck check = new DefaultEncryptionOffCheck();

    @Test
    void offFiresOnTheAccountInTheRegion() {
        assertThat(check.evaluate(new EbsDefaultEncryption("123456789012", false), ctx("eu-west-1")))
                .singleElement().satisfies(x -> {
                    assertThat(x.resourceId()).isEqualTo("123456789012");
                    assertThat(x.region()).isEqualTo("eu-west-1");
                    assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
                });
        assertThat(check.evaluate(new EbsDefaultEncryption("123456789012", true), US)).isEmpty();
        assertThat(check.evaluate(new EbsDefaultEncryption("123456789012", null), US)).isEmpty();
    }
}
