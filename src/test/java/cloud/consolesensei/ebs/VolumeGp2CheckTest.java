package cloud.consolesensei.ebs;

import static cloud.consolesensei.testkit.Fixtures.AS_OF;
import static cloud.consolesensei.ebs.EbsFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.finding.Severity;
import cloud.consolesensei.price.PriceTable;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class VolumeGp2CheckTest {

    private final VolumeGp2Check check = new VolumeGp2Check();

    @Test
    void upTo170GibTheSavingIsThePerGbDifference() {
        // 170 x (0.10 - 0.08): gp2's 510 IOPS fit in gp3's free 3,000, its 128 MiB/s in the free 125
        assertThat(check.evaluate(volume("gp2", 170, 510, null, "in-use", true), US))
                .singleElement().satisfies(x -> {
                    assertThat(x.severity()).isEqualTo(Severity.LOW);
                    assertThat(x.monthlyCostUsd()).isEqualByComparingTo("3.40");
                    assertThat(x.detail()).contains("510 baseline IOPS").contains("saves 3.40 USD/month")
                            .doesNotContain("MiB/s above");
                });
    }

    @Test
    void above170GibGp3PaysTheThroughputThatMatchesGp2() {
        // 200 GiB: gp2 20.00; gp3 16.00 + 125 MiB/s x 0.04 = 21.00: no saving, no finding
        assertThat(check.evaluate(volume("gp2", 200, 600, null, "in-use", true), US)).isEmpty();
        // 250 GiB: 25.00 against 20.00 + 5.00: a saving of zero is not a finding either
        assertThat(check.evaluate(volume("gp2", 250, 750, null, "in-use", true), US)).isEmpty();
        // 500 GiB: 50.00 against 40.00 + 5.00
        assertThat(check.evaluate(volume("gp2", 500, 1500, null, "in-use", true), US))
                .singleElement().satisfies(x -> {
                    assertThat(x.monthlyCostUsd()).isEqualByComparingTo("5.00");
                    assertThat(x.detail()).contains("125 MiB/s above the 125 MiB/s included");
                });
    }

    @Test
    void above1000GibTheExtraGp3IopsAndThroughputAreSubtracted() {
        // gp2 2000 x 0.10 = 200; gp3 2000 x 0.08 + (6,000 - 3,000) x 0.005 + 125 x 0.04 = 180
        assertThat(check.evaluate(volume("gp2", 2000, 6000, null, "in-use", true), US))
                .singleElement().satisfies(x -> {
                    assertThat(x.monthlyCostUsd()).isEqualByComparingTo("20.00");
                    assertThat(x.detail()).contains("3000 IOPS above the 3,000 included")
                            .contains("125 MiB/s above the 125 MiB/s included");
                });
    }

    @Test
    void gp2WithoutIopsFieldIsJudgedBySize() {
        assertThat(check.evaluate(volume("gp2", 100, null, null, "in-use", true), US))
                .singleElement().satisfies(x -> assertThat(x.monthlyCostUsd()).isEqualByComparingTo("2.00"));
    }

    @Test
    void noSavingIsNoFinding() throws Exception {
        PriceTable odd = PriceTable.parse(new ByteArrayInputStream(("# as-of: 2026-01-01\nregion,item,usd\n"
                + "us-east-1,ebs.gp2.gb-month,0.08\nus-east-1,ebs.gp3.gb-month,0.08\n"
                + "us-east-1,ebs.gp3.iops-month,0.005\nus-east-1,ebs.gp3.throughput-mibps-month,0.04\n")
                .getBytes(StandardCharsets.UTF_8)));
        CheckContext c = new CheckContext("123456789012", "t", "us-east-1", AS_OF, US.settings(), odd);
        assertThat(check.evaluate(volume("gp2", 2000, 6000, null, "in-use", true), c)).isEmpty();
        assertThat(check.evaluate(volume("gp2", 100, 300, null, "in-use", true), c)).isEmpty();
    }

    @Test
    void otherTypesAndDeletingVolumesDoNotFire() {
        assertThat(check.evaluate(volume("gp3", 200, 3000, 125, "in-use", true), US)).isEmpty();
        assertThat(check.evaluate(volume("gp2", 200, 600, null, "deleting", true), US)).isEmpty();
        assertThat(check.evaluate(volume("gp2", 100, 300, null, "available", true), US)).hasSize(1);
    }
}
