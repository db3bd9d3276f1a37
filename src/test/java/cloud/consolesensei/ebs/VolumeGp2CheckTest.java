package cloud.consolesensei.ebs;

import static cloud.consolesensei.ec2.Ec2TestSupport.AS_OF;
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
    void below1000GibTheSavingIsThePerGbDifference() {
        // 200 x (0.10 - 0.08): gp2's 600 IOPS fit in gp3's free 3,000
        assertThat(check.evaluate(volume("gp2", 200, 600, null, "in-use", true), US))
                .singleElement().satisfies(x -> {
                    assertThat(x.severity()).isEqualTo(Severity.LOW);
                    assertThat(x.monthlyCostUsd()).isEqualByComparingTo("4.00");
                    assertThat(x.detail()).contains("600 baseline IOPS").contains("saves $4.00/month");
                });
    }

    @Test
    void above1000GibTheExtraGp3IopsAreSubtracted() {
        // gp2 2000 x 0.10 = 200; gp3 2000 x 0.08 + (6,000 - 3,000) x 0.005 = 175
        assertThat(check.evaluate(volume("gp2", 2000, 6000, null, "in-use", true), US))
                .singleElement().satisfies(x -> {
                    assertThat(x.monthlyCostUsd()).isEqualByComparingTo("25.00");
                    assertThat(x.detail()).contains("3000 IOPS above the 3,000 included");
                });
    }

    @Test
    void noSavingIsSaidWithZeroCost() throws Exception {
        PriceTable odd = PriceTable.parse(new ByteArrayInputStream(("# as-of: 2026-01-01\nregion,item,usd\n"
                + "us-east-1,ebs.gp2.gb-month,0.08\nus-east-1,ebs.gp3.gb-month,0.08\n"
                + "us-east-1,ebs.gp3.iops-month,0.005\nus-east-1,ebs.gp3.throughput-mibps-month,0.04\n")
                .getBytes(StandardCharsets.UTF_8)));
        CheckContext c = new CheckContext("123456789012", "t", "us-east-1", AS_OF, US.settings(), odd);
        assertThat(check.evaluate(volume("gp2", 2000, 6000, null, "in-use", true), c))
                .singleElement().satisfies(x -> {
                    assertThat(x.monthlyCostUsd()).isEqualByComparingTo("0.00");
                    assertThat(x.detail()).contains("no saving");
                });
    }

    @Test
    void otherTypesAndDeletingVolumesDoNotFire() {
        assertThat(check.evaluate(volume("gp3", 200, 3000, 125, "in-use", true), US)).isEmpty();
        assertThat(check.evaluate(volume("gp2", 200, 600, null, "deleting", true), US)).isEmpty();
        assertThat(check.evaluate(volume("gp2", 200, 600, null, "available", true), US)).hasSize(1);
    }
}
