package cloud.consolesensei.ebs;

import static cloud.consolesensei.ebs.EbsFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.finding.Severity;

import org.junit.jupiter.api.Test;

class VolumeUnencryptedCheckTest {

    private final VolumeUnencryptedCheck check = new VolumeUnencryptedCheck();

    @Test
    void firesOnlyOnEncryptedFalse() {
        assertThat(check.evaluate(volume("gp3", 8, 3000, 125, "in-use", false), US)).singleElement()
                .satisfies(x -> {
                    assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
                    assertThat(x.monthlyCostUsd()).isNull();
                });
        assertThat(check.evaluate(volume("gp3", 8, 3000, 125, "available", false), US)).hasSize(1);
        assertThat(check.evaluate(volume("gp3", 8, 3000, 125, "in-use", true), US)).isEmpty();
        assertThat(check.evaluate(volume("gp3", 8, 3000, 125, "in-use", null), US)).isEmpty();
        assertThat(check.evaluate(volume("gp3", 8, 3000, 125, "deleting", false), US)).isEmpty();
    }
}
