package cloud.consolesensei.ebs;

import static cloud.consolesensei.ebs.EbsFixtures.*;
import static cloud.consolesensei.ec2.Ec2TestSupport.PRICES;
import static cloud.consolesensei.ec2.Ec2TestSupport.ctx;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VolumeUnattachedCheckTest {

    private final VolumeUnattachedCheck check = new VolumeUnattachedCheck();

    @Test
    void availableVolumeFiresWithItsMonthlyCost() {
        List<Finding> f = check.evaluate(volume("gp3", 500, 6000, 250, "available", true), US);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.checkId()).isEqualTo("ebs.volume_unattached");
            assertThat(x.resourceId()).isEqualTo("vol-0123456789abcdef0");
            assertThat(x.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(x.monthlyCostUsd()).isEqualByComparingTo("60.00");
            assertThat(x.detail()).contains("available").contains("60.00 USD/month");
            assertThat(x.region()).isEqualTo("us-east-1");
        });
    }

    @Test
    void provisionedIopsOfIo1AndIo2AreIncluded() {
        assertThat(check.evaluate(volume("io1", 100, 5000, null, "available", true), US))
                .singleElement().extracting(Finding::monthlyCostUsd).isEqualTo(new BigDecimal("337.50"));
        assertThat(check.evaluate(volume("io2", 400, 40000, null, "available", true), US))
                .singleElement().extracting(Finding::monthlyCostUsd).isEqualTo(new BigDecimal("2494.00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"in-use", "deleting", "creating"})
    void otherStatesDoNotFire(String state) {
        assertThat(check.evaluate(volume("gp3", 100, 3000, 125, state, true), US)).isEmpty();
    }

    @Test
    void unknownTypeKeepsTheFindingWithRawValueAndEmptyCost() {
        assertThat(check.evaluate(volume("gp9", 100, null, null, "available", true), US))
                .singleElement().satisfies(x -> {
                    assertThat(x.monthlyCostUsd()).isNull();
                    assertThat(x.detail()).contains("'gp9'").contains("monthly cost left empty");
                });
    }

    @Test
    void regionMissingFromPriceTableSaysSoWithEmptyCost() {
        assertThat(check.evaluate(volume("gp3", 100, 3000, 125, "available", true), ctx("ap-east-2")))
                .singleElement().satisfies(x -> {
                    assertThat(x.monthlyCostUsd()).isNull();
                    assertThat(x.detail()).contains(PRICES.missing("ap-east-2", "ebs.gp3.gb-month"));
                });
    }
}
