package cloud.consolesensei.job;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsErrorClassifier;
import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.aws.Regions;
import cloud.consolesensei.config.ConfigValidator;
import cloud.consolesensei.coverage.CoverageGap;
import cloud.consolesensei.coverage.CoverageStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;

/**
 * The regions a run audits in one account: those the request names, else the account's configured ones
 * (the STS home region when none), with {@code all-enabled} resolved and opt-in regions checked against
 * DescribeRegions ({@code opt-in-not-required} and {@code opted-in} are enabled). A region the account has not
 * opted in to is skipped with an informational gap (REGION_NOT_ENABLED); regions that could not be listed are a
 * gap too, and the run audits the home region (for {@code all-enabled}) or the regions as asked.
 */
final class RegionPlan {

    private final RunRequest request;
    private final String home;
    private final CoverageStore coverage;

    RegionPlan(RunRequest request, String home, CoverageStore coverage) {
        this.request = request;
        this.home = home;
        this.coverage = coverage;
    }

    /** True when the account's regions cannot be known without DescribeRegions. */
    boolean needsDescribeRegions(AccountTarget a) {
        List<String> asked = asked(a);
        return asked.contains(ConfigValidator.ALL_ENABLED) || asked.stream().anyMatch(Regions::isOptIn);
    }

    /**
     * The regions to audit in {@code a}.
     *
     * @param answer       DescribeRegions' answer, or {@code null} when it was not asked or failed
     * @param answerError  why DescribeRegions failed, or {@code null}
     */
    List<String> regions(AccountTarget a, DescribeRegionsResponse answer, RuntimeException answerError) {
        List<String> asked = asked(a);
        boolean all = asked.contains(ConfigValidator.ALL_ENABLED);
        if (!needsDescribeRegions(a)) return asked;
        if (answer == null) {
            String what = all ? "regions: all-enabled could not be resolved, auditing " + home + " only: "
                    : "opt-in regions could not be checked, auditing them as configured: ";
            coverage.record(request.runId(), new CoverageGap(a.id(), home, "ec2", "DescribeRegions",
                    AwsErrorClassifier.classify(answerError), what + AwsErrorClassifier.message(answerError), false));
            return all ? List.of(home) : asked;
        }
        Map<String, String> status = new LinkedHashMap<>();
        answer.regions().forEach(x -> status.put(x.regionName(), x.optInStatus()));
        if (all) return status.keySet().stream().filter(x -> enabled(status.get(x))).sorted().toList();
        List<String> kept = new ArrayList<>();
        for (String region : asked) {
            String st = status.get(region);
            if (st == null || enabled(st)) {
                kept.add(region);
                continue;
            }
            // An opt-in region the account has not enabled: nothing can be read there, and it is
            // the account's choice, so an informational gap rather than an error.
            coverage.record(request.runId(), new CoverageGap(a.id(), region, "ec2", "DescribeRegions",
                    ErrorClass.REGION_NOT_ENABLED, "region " + region + " is " + st + " for account " + a.id()
                    + " (ec2:DescribeRegions): skipped", true));
        }
        return kept;
    }

    private List<String> asked(AccountTarget a) {
        return !request.regions().isEmpty() ? request.regions() : a.regions().isEmpty() ? List.of(home) : a.regions();
    }

    /** DescribeRegions' OptInStatus of a region the account can use. */
    private static boolean enabled(String optInStatus) {
        return "opt-in-not-required".equals(optInStatus) || "opted-in".equals(optInStatus);
    }
}
