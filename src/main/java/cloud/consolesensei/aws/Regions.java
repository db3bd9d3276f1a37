package cloud.consolesensei.aws;

import java.util.Set;
import java.util.stream.Collectors;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/**
 * Region facts: which names are real AWS regions (the SDK's own region list) and which are
 * opt-in regions (AWS General Reference, "Enable or disable AWS Regions"), where STS tokens from
 * the global endpoint are not valid and calls answer {@code AuthFailure} until the region is enabled.
 */
public final class Regions {

    private static final Set<String> OPT_IN = Set.of("af-south-1", "ap-east-1", "ap-east-2", "ap-south-2",
            "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
            "ca-west-1", "eu-central-2", "eu-south-1", "eu-south-2", "il-central-1", "me-central-1",
            "me-south-1", "mx-central-1");

    private static final Set<String> KNOWN = Region.regions().stream()
            .map(Region::id)
            .filter(id -> !id.startsWith("aws-") && !id.contains("fips") && !id.equals("global"))
            .collect(Collectors.toUnmodifiableSet());

    private Regions() {
    }

    /** True for names the AWS SDK knows as regions (e.g. {@code eu-west-1}). */
    public static boolean isKnown(String region) {
        return KNOWN.contains(region);
    }

    /**
     * The partition of a region as the SDK's region metadata says ({@code aws}, {@code aws-cn},
     * {@code aws-us-gov}, ...); {@code aws} for a name the SDK does not know.
     */
    public static String partition(String region) {
        RegionMetadata m = region == null ? null : Region.of(region).metadata();
        return m == null ? "aws" : m.partition().id();
    }

    /**
     * The partition an account's calls go to: the one its role ARN names ({@code arn:aws-cn:iam::...}),
     * or without a role that of {@code stsHomeRegion}, where the base credentials get their sessions.
     */
    public static String partitionOf(String roleArn, String stsHomeRegion) {
        if (roleArn != null && roleArn.startsWith("arn:")) {
            String[] parts = roleArn.split(":", 3);
            if (parts.length > 2 && !parts[1].isBlank()) return parts[1];
        }
        return partition(stsHomeRegion);
    }

    /** True for opt-in regions (not enabled by default). */
    public static boolean isOptIn(String region) {
        return OPT_IN.contains(region);
    }
}
