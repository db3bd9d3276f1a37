package cloud.consolesensei.ec2;

import cloud.consolesensei.price.PriceKey;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * Which Price List product an instance's on-demand price is (docs/checks.md, the instance price rule):
 * its instance type in its region, its operating system from PlatformDetails ({@code Linux/UNIX} ->
 * Linux, {@code Windows} -> Windows, {@code Red Hat Enterprise Linux} -> RHEL, {@code SUSE Linux} ->
 * SUSE; anything else, such as SQL Server editions, BYOL or Ubuntu Pro, is not priced) and its
 * tenancy ({@code default} -> Shared, {@code dedicated} -> Dedicated; {@code host} is not priced).
 * And when the on-demand price is not what the instance costs: a Spot instance, a Capacity Block
 * (InstanceLifecycle {@code spot}, {@code capacity-block} or any other lifecycle), an instance on an
 * Outpost (OutpostArn).
 */
public final class InstancePricing {

    private static final Map<String, String> OS = Map.of("Linux/UNIX", "Linux", "Windows", "Windows",
            "Red Hat Enterprise Linux", "RHEL", "SUSE Linux", "SUSE");
    private static final Map<String, String> TENANCY = Map.of("default", "Shared", "dedicated", "Dedicated");

    private InstancePricing() {
    }

    /**
     * The Price List key of {@code i}, or why it has none.
     *
     * @param key    the key, or {@code null}
     * @param reason why there is no key (for the finding's detail), or {@code null}
     */
    public record Lookup(PriceKey key, String reason) {
    }

    /** The key of instance {@code i} in {@code region} for the month of {@code asOf}. */
    public static Lookup of(Instance i, String region, LocalDate asOf) {
        String platform = i.platformDetails();
        String os = platform == null ? null : OS.get(platform);
        if (os == null) {
            return new Lookup(null, platform == null ? "PlatformDetails not reported: on-demand price unknown"
                    : "PlatformDetails '" + platform + "' is not one this version prices (Linux/UNIX, Windows, Red Hat"
                            + " Enterprise Linux, SUSE Linux; licensed or pre-installed software is priced apart):"
                            + " on-demand price unknown");
        }
        String tenancy = i.placement() == null ? null : i.placement().tenancyAsString();
        String t = tenancy == null ? null : TENANCY.get(tenancy);
        if (t == null) {
            return new Lookup(null, tenancy == null ? "tenancy not reported: on-demand price unknown"
                    : "tenancy '" + tenancy + "' is billed per host, not per instance: on-demand price unknown");
        }
        if (i.instanceTypeAsString() == null) return new Lookup(null, "instance type not reported: on-demand price unknown");
        return new Lookup(new PriceKey(region, i.instanceTypeAsString(), os, t, YearMonth.from(asOf)), null);
    }

    /** Why the on-demand price is not what {@code i} costs, or {@code null} for an ordinary on-demand instance. */
    public static String notOnDemand(Instance i) {
        String lifecycle = i.instanceLifecycleAsString();
        if ("spot".equals(lifecycle)) {
            return "it is a Spot instance: the on-demand price is not what it costs, monthly cost left empty";
        }
        if ("capacity-block".equals(lifecycle) || i.capacityBlockId() != null && !i.capacityBlockId().isBlank()) {
            return "it runs in a Capacity Block (paid up front): the on-demand price is not what it costs,"
                    + " monthly cost left empty";
        }
        if (i.outpostArn() != null && !i.outpostArn().isBlank()) {
            return "it runs on an Outpost (" + i.outpostArn() + "), paid with the Outpost: the on-demand price is not"
                    + " what it costs, monthly cost left empty";
        }
        if (lifecycle != null && !lifecycle.isBlank()) {
            return "its lifecycle is '" + lifecycle + "': the on-demand price is not what it costs, monthly cost left empty";
        }
        return null;
    }
}
