package cloud.consolesensei.doctor;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsClients;

/**
 * One cheap, read-only call that shows whether an identity holds one IAM action: it either gets
 * past authorization (any answer but access denied) or is refused.
 *
 * @param action IAM action, e.g. {@code ec2:DescribeVolumes}
 * @param call   makes the call with the account's clients in {@code region}; throws what the SDK throws
 */
record ActionProbe(String action, Call call) {

    /** The probe call itself. */
    @FunctionalInterface
    interface Call {
        void run(AwsClients clients, AccountTarget account, String region, ProbeTarget target);
    }

    /**
     * Resources a probe may need: a bucket of the account (for the bucket-level S3 actions), or none.
     *
     * @param bucket       a bucket name to probe bucket-level actions on, or {@code null} when the account has none
     * @param bucketRegion that bucket's region
     */
    record ProbeTarget(String bucket, String bucketRegion) {
    }
}
