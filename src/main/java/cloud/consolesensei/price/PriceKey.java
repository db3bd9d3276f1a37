package cloud.consolesensei.price;

import java.time.YearMonth;

/**
 * What an EC2 on-demand price depends on, and the Price List cache's key: one lookup per key and
 * month, shared by every account.
 *
 * @param region          region code, e.g. {@code eu-west-1} (Price List attribute {@code regionCode})
 * @param instanceType    e.g. {@code m5.large} ({@code instanceType})
 * @param operatingSystem {@code Linux}, {@code Windows}, {@code RHEL} or {@code SUSE} ({@code operatingSystem})
 * @param tenancy         {@code Shared} or {@code Dedicated} ({@code tenancy})
 * @param month           the as-of date's month: prices are asked again each month
 */
public record PriceKey(String region, String instanceType, String operatingSystem, String tenancy, YearMonth month) {

    @Override
    public String toString() {
        return instanceType + " " + operatingSystem + " " + tenancy + " in " + region;
    }
}
