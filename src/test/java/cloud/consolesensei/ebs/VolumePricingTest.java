package cloud.consolesensei.ebs;

import cloud.consolesensei.price.MonthlyCost;
import static cloud.consolesensei.ec2.Ec2TestSupport.PRICES;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class VolumePricingTest {

    private static BigDecimal usd(MonthlyCost c) {
        assertThat(c.known()).as(c.note()).isTrue();
        return c.monthlyUsd().setScale(2, java.math.RoundingMode.HALF_UP);
    }

    @Test
    void gp2IsSizeTimesGbMonth() {
        assertThat(usd(VolumePricing.monthly("us-east-1", "gp2", 100, 300, null, PRICES))).isEqualByComparingTo("10.00");
        assertThat(usd(VolumePricing.monthly("eu-west-1", "gp2", 100, 300, null, PRICES))).isEqualByComparingTo("11.00");
    }

    @Test
    void gp3ChargesOnlyIopsAndThroughputAboveTheIncludedBaseline() {
        assertThat(usd(VolumePricing.monthly("us-east-1", "gp3", 500, 3000, 125, PRICES))).isEqualByComparingTo("40.00");
        // 500 x 0.08 + 3,000 x 0.005 + 125 x 0.04
        assertThat(usd(VolumePricing.monthly("us-east-1", "gp3", 500, 6000, 250, PRICES))).isEqualByComparingTo("60.00");
        assertThat(usd(VolumePricing.monthly("us-east-1", "gp3", 10, null, null, PRICES))).isEqualByComparingTo("0.80");
    }

    @Test
    void io1ChargesEveryProvisionedIops() {
        // 100 x 0.125 + 5,000 x 0.065
        assertThat(usd(VolumePricing.monthly("us-east-1", "io1", 100, 5000, null, PRICES))).isEqualByComparingTo("337.50");
    }

    @Test
    void io2ChargesIopsInTiers() {
        // 400 x 0.125 + 32,000 x 0.065 + 8,000 x 0.0455
        assertThat(usd(VolumePricing.monthly("us-west-2", "io2", 400, 40000, null, PRICES))).isEqualByComparingTo("2494.00");
        // 100 x 0.125 + 32,000 x 0.065 + 32,000 x 0.0455 + 6,000 x 0.032
        assertThat(usd(VolumePricing.monthly("us-east-1", "io2", 100, 70000, null, PRICES))).isEqualByComparingTo("3740.50");
        assertThat(usd(VolumePricing.monthly("us-east-1", "io2", 100, 32000, null, PRICES))).isEqualByComparingTo("2092.50");
    }

    @Test
    void hddAndMagneticAreSizeOnly() {
        assertThat(usd(VolumePricing.monthly("us-east-1", "st1", 500, 500, null, PRICES))).isEqualByComparingTo("22.50");
        assertThat(usd(VolumePricing.monthly("us-east-1", "sc1", 1000, null, null, PRICES))).isEqualByComparingTo("15.00");
        assertThat(usd(VolumePricing.monthly("us-east-1", "standard", 30, null, null, PRICES))).isEqualByComparingTo("1.50");
    }

    @Test
    void unknownTypeIsUnpricedWithTheRawValue() {
        MonthlyCost c = VolumePricing.monthly("us-east-1", "gp9", 100, null, null, PRICES);
        assertThat(c.known()).isFalse();
        assertThat(c.note()).contains("'gp9'").contains("monthly cost left empty");
    }

    @Test
    void regionMissingFromTheTableIsUnpricedNotZero() {
        MonthlyCost c = VolumePricing.monthly("ap-east-2", "gp3", 100, null, null, PRICES);
        assertThat(c.monthlyUsd()).isNull();
        assertThat(c.note()).isEqualTo(PRICES.missing("ap-east-2", "ebs.gp3.gb-month"));
        assertThat(VolumePricing.snapshotUpperBound("ap-east-2", 10, PRICES).known()).isFalse();
    }

    @Test
    void gp2BaselineIopsIsThreePerGibBetween100And16000() {
        assertThat(VolumePricing.gp2BaselineIops(10)).isEqualTo(100);
        assertThat(VolumePricing.gp2BaselineIops(999)).isEqualTo(2997);
        assertThat(VolumePricing.gp2BaselineIops(1000)).isEqualTo(3000);
        assertThat(VolumePricing.gp2BaselineIops(2000)).isEqualTo(6000);
        assertThat(VolumePricing.gp2BaselineIops(6000)).isEqualTo(16000);
    }

    @Test
    void gp3ReplacementAddsThroughputAbove170GibAndIopsAbove1000Gib() {
        // up to 170 GiB: gp3's included 125 MiB/s and 3,000 IOPS match gp2
        assertThat(usd(VolumePricing.gp3Replacement("us-east-1", 170, PRICES))).isEqualByComparingTo("13.60");
        // 171 GiB: 171 x 0.08 + 125 MiB/s x 0.04
        assertThat(usd(VolumePricing.gp3Replacement("us-east-1", 171, PRICES))).isEqualByComparingTo("18.68");
        assertThat(usd(VolumePricing.gp3Replacement("us-east-1", 200, PRICES))).isEqualByComparingTo("21.00");
        assertThat(usd(VolumePricing.gp3Replacement("us-east-1", 1000, PRICES))).isEqualByComparingTo("85.00");
        // 1,001 GiB: 3,003 IOPS -> 3 above the free 3,000 (0.015) plus throughput
        assertThat(usd(VolumePricing.gp3Replacement("us-east-1", 1001, PRICES))).isEqualByComparingTo("85.10");
        assertThat(usd(VolumePricing.gp3Replacement("us-east-1", 2000, PRICES))).isEqualByComparingTo("180.00");
        // eu-west-1: 200 x 0.088 + 125 x 0.044
        assertThat(usd(VolumePricing.gp3Replacement("eu-west-1", 200, PRICES))).isEqualByComparingTo("23.10");
        assertThat(VolumePricing.gp2MatchingThroughput(170)).isEqualTo(125);
        assertThat(VolumePricing.gp2MatchingThroughput(171)).isEqualTo(250);
    }

    @Test
    void io2TierBoundariesAreInclusiveOf32000And64000() {
        // 32,001 IOPS: one in tier 2
        assertThat(VolumePricing.monthly("us-east-1", "io2", 100, 32001, null, PRICES).monthlyUsd())
                .isEqualByComparingTo("2092.5455");
        // 64,000: both lower tiers full, nothing in tier 3; 64,001: one IOPS at tier 3
        assertThat(VolumePricing.monthly("us-east-1", "io2", 100, 64000, null, PRICES).monthlyUsd())
                .isEqualByComparingTo("3548.5");
        assertThat(VolumePricing.monthly("us-east-1", "io2", 100, 64001, null, PRICES).monthlyUsd())
                .isEqualByComparingTo("3548.532");
    }

    @Test
    void gp3AtOrBelowTheIncludedIopsAndThroughputHasNoProvisionedPart() {
        assertThat(VolumePricing.monthly("us-east-1", "gp3", 100, 3000, 125, PRICES).monthlyUsd())
                .isEqualByComparingTo("8");
        assertThat(VolumePricing.monthly("us-east-1", "gp3", 100, 3001, 126, PRICES).monthlyUsd())
                .isEqualByComparingTo("8.045");
    }

    @Test
    void volumesWithoutIopsArePricedBySizeAlone() {
        for (String type : List.of("gp2", "st1", "sc1", "standard")) {
            MonthlyCost withIops = VolumePricing.monthly("us-east-1", type, 500, 1500, null, PRICES);
            MonthlyCost without = VolumePricing.monthly("us-east-1", type, 500, null, null, PRICES);
            assertThat(without.monthlyUsd()).as(type).isEqualByComparingTo(withIops.monthlyUsd());
        }
    }

    @Test
    void snapshotUpperBoundIsSourceSizeTimesSnapshotPrice() {
        assertThat(usd(VolumePricing.snapshotUpperBound("us-east-1", 200, PRICES))).isEqualByComparingTo("10.00");
    }

    @Test
    void bundledTableIsDatedAndCoversEveryItemInTheMainRegions() {
        assertThat(PRICES.asOf()).isNotNull();
        assertThat(PRICES.source()).contains("AWS");
        List<String> items = List.of("ebs.gp2.gb-month", "ebs.gp3.gb-month", "ebs.gp3.iops-month",
                "ebs.gp3.throughput-mibps-month", "ebs.io1.gb-month", "ebs.io1.iops-month", "ebs.io2.gb-month",
                "ebs.io2.iops-month", "ebs.io2.iops-month.tier2", "ebs.io2.iops-month.tier3", "ebs.st1.gb-month",
                "ebs.sc1.gb-month", "ebs.standard.gb-month", "ebs.snapshot.gb-month", "ec2.public-ipv4.hour");
        for (String region : List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-west-2",
                "eu-central-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "ap-south-1", "ca-central-1",
                "sa-east-1")) {
            for (String item : items) {
                assertThat(PRICES.price(region, item)).as(region + " " + item).isPresent();
            }
            assertThat(PRICES.price(region, "ec2.public-ipv4.hour")).contains(new BigDecimal("0.005"));
        }
    }
}
