package cloud.consolesensei.report;

import cloud.consolesensei.finding.Finding;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Links from a finding to the resource in the AWS Management Console (aws partition).
 * Returns null where the console has no page for the resource.
 */
public final class ConsoleLinks {

    private ConsoleLinks() {
    }

    /** The console URL of the finding's resource, or null. */
    public static String of(Finding f) {
        String id = enc(f.resourceId());
        String r = Finding.GLOBAL.equals(f.region()) ? "us-east-1" : f.region();
        String ec2 = "https://" + r + ".console.aws.amazon.com/ec2/home?region=" + r + "#";
        String check = f.checkId();
        if (check.startsWith("ec2.instance_")) return ec2 + "InstanceDetails:instanceId=" + id;
        if (check.equals("ec2.eip_unassociated")) return ec2 + "ElasticIpDetails:AllocationId=" + id;
        if (check.equals("ec2.security_group_admin_ports_open")) return ec2 + "SecurityGroup:groupId=" + id;
        if (check.startsWith("ebs.volume_")) return ec2 + "VolumeDetails:volumeId=" + id;
        if (check.startsWith("ebs.snapshot_")) return ec2 + "SnapshotDetails:snapshotId=" + id;
        if (check.equals("ebs.default_encryption_off")) return ec2 + "Settings:tab=ebsEncryption";
        if (check.startsWith("asg.")) return ec2 + "AutoScalingGroupDetails:id=" + id;
        if (check.equals("s3.account_public_access_block_off")) {
            return "https://s3.console.aws.amazon.com/s3/settings?region=" + r;
        }
        if (check.startsWith("s3.")) return "https://s3.console.aws.amazon.com/s3/buckets/" + id + "?region=" + r;
        String iam = "https://us-east-1.console.aws.amazon.com/iam/home#/";
        if (check.startsWith("iam.root_")) return iam + "security_credentials";
        if (check.equals("iam.password_policy_weak")) return iam + "account_settings";
        if (check.startsWith("iam.role_")) return iam + "roles/details/" + id;
        if (check.startsWith("iam.access_key_")) return iam + "users";
        if (check.startsWith("iam.")) return iam + "users/details/" + id;
        if (check.startsWith("cost.")) return "https://us-east-1.console.aws.amazon.com/costmanagement/home#/cost-explorer";
        if (check.startsWith("billing.budget_")) return "https://us-east-1.console.aws.amazon.com/costmanagement/home#/budgets";
        return null;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
