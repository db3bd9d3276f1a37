package cloud.consolesensei.doctor;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsClients;
import cloud.consolesensei.aws.AwsErrorClassifier;
import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.coverage.CoverageGap;

import java.util.List;
import java.util.Set;

/**
 * The AWS calls of {@code doctor}, one account at a time, each answering with what it found and never
 * printing: the identity (sts:GetCallerIdentity, through the account's role when it has one), the enabled
 * regions (ec2:DescribeRegions), a bucket to probe bucket-level actions on, and one {@link Probes} call per
 * IAM action.
 */
final class AccountProbes {

    private AccountProbes() {
    }

    /**
     * What GetCallerIdentity answered: the identity's ARN and account, or the error class and message.
     *
     * @param arn     the identity's ARN, or {@code null} when the call failed
     * @param account the identity's account, or {@code null}
     * @param failure the error's class when the call failed, else {@code null}
     * @param message the error's message, or {@code null}
     */
    record Identity(String arn, String account, ErrorClass failure, String message) {

        boolean ok() {
            return failure == null;
        }
    }

    /**
     * The enabled regions, sorted, or why they could not be listed.
     *
     * @param enabled the region names, or {@code null} when they could not be listed
     * @param failure "<error class label>: <message>" when they could not be listed
     */
    record EnabledRegions(List<String> enabled, String failure) {
    }

    /** The identity of {@code a}'s credentials (its role's, when it has one); a role that cannot be assumed says so. */
    static Identity identity(AwsClients clients, AccountTarget a, String home) {
        try {
            var id = clients.sts(a, home).getCallerIdentity();
            return new Identity(id.arn(), id.account(), null, null);
        } catch (RuntimeException e) {
            ErrorClass c = AwsErrorClassifier.classify(e);
            if (a.roleArn() != null && (c == ErrorClass.ACCESS_DENIED || c == ErrorClass.CLIENT_ERROR)) c = ErrorClass.ROLE_NOT_ASSUMABLE;
            return new Identity(null, null, c, AwsErrorClassifier.message(e));
        }
    }

    /** The account's enabled regions (ec2:DescribeRegions in {@code home}). */
    static EnabledRegions regions(AwsClients clients, AccountTarget a, String home) {
        try {
            return new EnabledRegions(clients.ec2(a, home).describeRegions(b -> { }).regions().stream()
                    .map(r -> r.regionName()).sorted().toList(), null);
        } catch (RuntimeException e) {
            return new EnabledRegions(null, AwsErrorClassifier.classify(e).label() + ": " + AwsErrorClassifier.message(e));
        }
    }

    /** One bucket of the account to probe bucket-level S3 actions on, when any is needed and exists. */
    static ActionProbe.ProbeTarget bucketTarget(AwsClients clients, AccountTarget a, Set<String> actions) {
        if (actions.stream().noneMatch(Probes::needsBucket)) return new ActionProbe.ProbeTarget(null, null);
        try {
            var buckets = clients.s3(a, "us-east-1").listBuckets(b -> b.maxBuckets(1)).buckets();
            if (buckets.isEmpty()) return new ActionProbe.ProbeTarget(null, null);
            String name = buckets.get(0).name();
            String region = buckets.get(0).bucketRegion();
            if (region == null || region.isBlank()) {
                try {
                    String loc = clients.s3(a, "us-east-1").getBucketLocation(b -> b.bucket(name)).locationConstraintAsString();
                    region = loc == null || loc.isBlank() ? "us-east-1" : "EU".equals(loc) ? "eu-west-1" : loc;
                } catch (RuntimeException e) {
                    region = "us-east-1";
                }
            }
            return new ActionProbe.ProbeTarget(name, region);
        } catch (RuntimeException e) {
            return new ActionProbe.ProbeTarget(null, null);
        }
    }

    /** Probes {@code action} in {@code a}'s {@code region} ({@link Probes}) and judges the answer. */
    static ProbeResult probe(AwsClients clients, AccountTarget a, String region, ActionProbe.ProbeTarget target,
                             String action, List<String> checks) {
        var probe = Probes.of(action);
        if (probe.isEmpty()) {
            return new ProbeResult(a.id(), action, ProbeResult.Status.NOT_PROBED, "no probe for this action", checks);
        }
        if (Probes.needsBucket(action) && target.bucket() == null) {
            return new ProbeResult(a.id(), action, ProbeResult.Status.NOT_PROBED, "no bucket in the account to probe it on", checks);
        }
        try {
            probe.get().call().run(clients, a, region, target);
            return new ProbeResult(a.id(), action, ProbeResult.Status.OK, "", checks);
        } catch (RuntimeException e) {
            ErrorClass c = AwsErrorClassifier.classify(e);
            String m = AwsErrorClassifier.message(e);
            return switch (c) {
                // the request was authorized, then answered "no such thing" / "not enough data" / "bad input"
                case NOT_FOUND, DATA_UNAVAILABLE, CLIENT_ERROR -> new ProbeResult(a.id(), action, ProbeResult.Status.OK,
                        "allowed (answered " + m + ")", checks);
                // only the paying account may list invoices: a member's refusal costs report data, no check
                case ACCESS_DENIED, ROLE_NOT_ASSUMABLE -> LeastPrivilegePolicy.REPORT_DATA.contains(action)
                        ? new ProbeResult(a.id(), action, ProbeResult.Status.INFO, m + " - " + CoverageGap.NOT_PAYER_REMEDY, checks)
                        : new ProbeResult(a.id(), action, ProbeResult.Status.DENIED, m, checks);
                default -> new ProbeResult(a.id(), action, ProbeResult.Status.ERROR, c.label() + ": " + m, checks);
            };
        }
    }
}
