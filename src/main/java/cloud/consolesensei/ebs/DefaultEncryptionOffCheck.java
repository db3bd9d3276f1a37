package cloud.consolesensei.ebs;

import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.util.List;

/** {@code ebs.default_encryption_off}: EBS encryption by default is off in the region; resource = account id. */
public final class DefaultEncryptionOffCheck extends CatalogCheck<EbsDefaultEncryption> {

    public static final CheckDefinition DEFINITION = new CheckDefinition("ebs.default_encryption_off",
            "EBS encryption by default is off", Severity.MEDIUM, "ec2", "EBS account setting",
            "EBS encryption by default is off in the region (GetEbsEncryptionByDefault).",
            "Without encryption by default, every new volume and snapshot copy is unencrypted unless someone remembers.",
            "Console: EC2 > Settings (Account attributes) > Data protection and security > EBS encryption > Manage > "
                    + "Enable, in each region. CLI: aws ec2 enable-ebs-encryption-by-default --region <region>",
            List.of("ec2:GetEbsEncryptionByDefault"),
            List.of("CIS AWS Foundations 2.2.1", "Amazon EBS encryption by default"), List.of());

    public DefaultEncryptionOffCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(EbsDefaultEncryption e, CheckContext ctx) {
        if (!Boolean.FALSE.equals(e.enabled())) return List.of();
        return one(ctx, e.accountId(), "EBS encryption by default is off in " + ctx.region() + ": new volumes are unencrypted"
                        + " unless encryption is asked for each time.");
    }
}
