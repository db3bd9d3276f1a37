package cloud.consolesensei.ebs;

import cloud.consolesensei.price.MonthlyCost;
import cloud.consolesensei.price.PriceTable;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * The one place EBS money is computed (used by {@code ebs.volume_unattached}, {@code ebs.volume_gp2},
 * {@code ebs.snapshot_*} and {@code ec2.instance_stopped_long}), following the "Amazon EBS pricing"
 * page's formulas with the bundled {@link PriceTable}:
 * <ul>
 *   <li>gp2, st1, sc1, standard: GiB x GB-month price (no provisioned part: their IOPS, when
 *       reported at all, is informational);</li>
 *   <li>gp3: GiB x GB-month + IOPS above 3,000 x IOPS-month + MiB/s above 125 x MiB/s-month;</li>
 *   <li>io1: GiB x GB-month + provisioned IOPS x IOPS-month;</li>
 *   <li>io2: GiB x GB-month + provisioned IOPS in tiers (up to 32,000; 32,001-64,000; above 64,000);</li>
 *   <li>snapshots: source volume GiB x snapshot GB-month (an upper bound: snapshots are incremental).</li>
 * </ul>
 * All amounts are USD per month, unrounded. A price the table lacks, an unknown volume type or a
 * missing size gives a {@link MonthlyCost} with no amount and a note saying why (never zero).
 */
public final class VolumePricing {

    /** IOPS a gp3 volume includes in its storage price. */
    public static final int GP3_FREE_IOPS = 3000;
    /** Throughput (MiB/s) a gp3 volume includes in its storage price. */
    public static final int GP3_FREE_THROUGHPUT = 125;
    /** gp2 baseline: 3 IOPS per GiB, at least 100, at most 16,000 (EBS User Guide, "gp2 volumes"). */
    public static final int GP2_IOPS_PER_GIB = 3;
    static final int GP2_MIN_IOPS = 100;
    static final int GP2_MAX_IOPS = 16000;
    /** Size up to which gp2 delivers at most 128 MiB/s, taken as matched by gp3's included 125 MiB/s (docs/checks.md). */
    public static final int GP2_BASE_THROUGHPUT_MAX_GIB = 170;
    /** Throughput (MiB/s) gp2 delivers above {@link #GP2_BASE_THROUGHPUT_MAX_GIB}: up to 250 (EBS User Guide). */
    public static final int GP2_LARGE_THROUGHPUT = 250;
    static final int IO2_TIER1_MAX = 32000;
    static final int IO2_TIER2_MAX = 64000;

    private VolumePricing() {
    }

    /** Monthly cost of {@code volume} in {@code region}. */
    public static MonthlyCost monthly(String region, Volume volume, PriceTable prices) {
        return monthly(region, volume.volumeTypeAsString(), volume.size(), volume.iops(), volume.throughput(), prices);
    }

    /**
     * Monthly cost of a volume.
     *
     * @param type       EBS volume type as AWS reports it ({@code gp3}, {@code io2}, ...)
     * @param sizeGiB    size in GiB
     * @param iops       provisioned IOPS (gp3, io1, io2), or {@code null}
     * @param throughput provisioned throughput in MiB/s (gp3), or {@code null}
     */
    public static MonthlyCost monthly(String region, String type, Integer sizeGiB, Integer iops, Integer throughput,
                               PriceTable prices) {
        if (sizeGiB == null) return MonthlyCost.unknown("volume size not reported: monthly cost left empty");
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        Sum sum = new Sum(region, prices);
        switch (t) {
            case "gp2", "st1", "sc1", "standard" -> sum.add("ebs." + t + ".gb-month", sizeGiB);
            case "gp3" -> {
                sum.add("ebs.gp3.gb-month", sizeGiB);
                sum.add("ebs.gp3.iops-month", above(iops, GP3_FREE_IOPS));
                sum.add("ebs.gp3.throughput-mibps-month", above(throughput, GP3_FREE_THROUGHPUT));
            }
            case "io1" -> {
                sum.add("ebs.io1.gb-month", sizeGiB);
                sum.add("ebs.io1.iops-month", nz(iops));
            }
            case "io2" -> {
                int p = nz(iops);
                sum.add("ebs.io2.gb-month", sizeGiB);
                sum.add("ebs.io2.iops-month", Math.min(p, IO2_TIER1_MAX));
                sum.add("ebs.io2.iops-month.tier2", Math.max(0, Math.min(p, IO2_TIER2_MAX) - IO2_TIER1_MAX));
                sum.add("ebs.io2.iops-month.tier3", Math.max(0, p - IO2_TIER2_MAX));
            }
            default -> {
                return MonthlyCost.unknown("volume type '" + type + "' is not one this version prices (gp2, gp3, io1, io2,"
                        + " st1, sc1, standard): monthly cost left empty");
            }
        }
        return sum.result();
    }

    /** gp2 baseline IOPS of a volume of {@code sizeGiB}: 3 per GiB, clamped to 100..16,000. */
    public static int gp2BaselineIops(int sizeGiB) {
        return Math.max(GP2_MIN_IOPS, Math.min(GP2_MAX_IOPS, GP2_IOPS_PER_GIB * sizeGiB));
    }

    /**
     * Throughput (MiB/s) a gp3 volume needs to match a gp2 volume of {@code sizeGiB}: the included 125
     * up to 170 GiB, 250 above (gp2's maximum there), so 125 MiB/s more are priced (docs/checks.md).
     */
    public static int gp2MatchingThroughput(int sizeGiB) {
        return sizeGiB > GP2_BASE_THROUGHPUT_MAX_GIB ? GP2_LARGE_THROUGHPUT : GP3_FREE_THROUGHPUT;
    }

    /**
     * Monthly cost of the gp3 volume that replaces a gp2 volume of {@code sizeGiB}: same size, with
     * the IOPS above 3,000 needed to match gp2's baseline (only above 1,000 GiB) and the throughput
     * above 125 MiB/s needed to match gp2's ({@link #gp2MatchingThroughput}, above 170 GiB).
     */
    public static MonthlyCost gp3Replacement(String region, int sizeGiB, PriceTable prices) {
        return monthly(region, "gp3", sizeGiB, Math.max(GP3_FREE_IOPS, gp2BaselineIops(sizeGiB)),
                gp2MatchingThroughput(sizeGiB), prices);
    }

    /**
     * Upper bound of a snapshot's monthly storage: the source volume's size x snapshot GB-month
     * (snapshots are incremental, so the real billed size is usually smaller).
     */
    public static MonthlyCost snapshotUpperBound(String region, Integer volumeSizeGiB, PriceTable prices) {
        if (volumeSizeGiB == null) return MonthlyCost.unknown("snapshot volume size not reported: monthly cost left empty");
        Sum sum = new Sum(region, prices);
        sum.add(PriceTable.SNAPSHOT_GB_MONTH, volumeSizeGiB);
        return sum.result();
    }

    private static int nz(Integer v) {
        return v == null ? 0 : Math.max(0, v);
    }

    private static int above(Integer v, int free) {
        return Math.max(0, nz(v) - free);
    }

    /** Adds quantity x price per item; remembers the first missing price. */
    private static final class Sum {
        private final String region;
        private final PriceTable prices;
        private BigDecimal total = BigDecimal.ZERO;
        private String missing;

        Sum(String region, PriceTable prices) {
            this.region = region;
            this.prices = prices;
        }

        void add(String item, long quantity) {
            if (quantity == 0) return;
            Optional<BigDecimal> p = prices.price(region, item);
            if (p.isPresent()) {
                total = total.add(p.get().multiply(BigDecimal.valueOf(quantity)));
            } else if (missing == null) {
                missing = prices.missing(region, item);
            }
        }

        MonthlyCost result() {
            return missing == null ? MonthlyCost.of(total) : MonthlyCost.unknown(missing);
        }
    }
}
