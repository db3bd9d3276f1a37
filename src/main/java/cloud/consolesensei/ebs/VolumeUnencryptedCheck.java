package cloud.consolesensei.ebs;

import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.util.List;

import software.amazon.awssdk.services.ec2.model.Volume;

/** {@code ebs.volume_unencrypted}: Encrypted = false (a missing value is unknown, not false). */
public final class VolumeUnencryptedCheck extends CatalogCheck<Volume> {

    public static final CheckDefinition DEFINITION = new CheckDefinition("ebs.volume_unencrypted",
            "Unencrypted EBS volume", Severity.MEDIUM, "ec2", "EBS volume",
            "Encrypted = false.",
            "Data at rest on an unencrypted volume, and every snapshot of it, is readable by anyone who gets a copy.",
            "A volume cannot be encrypted in place. Console: Volumes > Actions > Create snapshot; Snapshots > Actions > "
                    + "Copy snapshot with Encryption on; create a volume from the encrypted copy and swap it in. "
                    + "CLI: aws ec2 copy-snapshot --source-region <region> --source-snapshot-id <snap> --encrypted "
                    + "&& aws ec2 create-volume --snapshot-id <encrypted-snap> --availability-zone <az>",
            List.of("ec2:DescribeVolumes"),
            List.of("CIS AWS Foundations 2.2.1", "Amazon EBS encryption"), List.of());

    public VolumeUnencryptedCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(Volume v, CheckContext ctx) {
        if (!Boolean.FALSE.equals(v.encrypted()) || VolumeSource.goingAway(v)) return List.of();
        return one(ctx, v.volumeId(), "Volume " + v.volumeId() + " (" + v.volumeTypeAsString() + ", " + v.size() + " GiB, "
                        + v.stateAsString() + ") is not encrypted.");
    }
}
