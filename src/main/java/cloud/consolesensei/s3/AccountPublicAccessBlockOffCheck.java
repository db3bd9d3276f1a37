package cloud.consolesensei.s3;

import cloud.consolesensei.check.CatalogCheck;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.finding.Severity;

import java.util.List;

/**
 * {@code s3.account_public_access_block_off} (docs/checks.md): the account-level S3 public access block
 * (S3 Control GetPublicAccessBlock) is missing ({@code NoSuchPublicAccessBlockConfiguration}) or
 * has a setting off. An account-level finding: resource id = account id, region {@code global}.
 * Silent when the block could not be read.
 */
public final class AccountPublicAccessBlockOffCheck extends CatalogCheck<S3Resource> {

    public static final CheckDefinition DEFINITION = S3Catalog.account("s3.account_public_access_block_off",
            "Account-level S3 Block Public Access is not fully on", Severity.HIGH,
            "the account-level S3 public access block (S3 Control GetPublicAccessBlock) is missing or not "
                    + "all four settings true.",
            "Without the account-wide block, one bucket policy or ACL change is enough to make data public; the account block guards every bucket, present and future.",
            "Console: S3 > Block Public Access settings for this account > Edit: turn on all four settings and confirm. "
                    + "CLI: aws s3control put-public-access-block --account-id ACCOUNT_ID --public-access-block-configuration "
                    + "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true",
            List.of("s3:GetAccountPublicAccessBlock"),
            List.of("AWS Security Hub S3.1", "CIS AWS Foundations Benchmark v3.0 2.1.4",
                    "Amazon S3 User Guide: Blocking public access to your Amazon S3 storage"));

    public AccountPublicAccessBlockOffCheck() {
        super(DEFINITION);
    }

    @Override
    public List<Finding> evaluate(S3Resource resource, CheckContext context) {
        if (!(resource instanceof S3Account account) || !account.block().test(PublicAccessBlock::allOn).not().isTrue()) {
            return List.of();
        }
        String detail = account.block().isAbsent()
                ? "The account has no S3 public access block configured (NoSuchPublicAccessBlockConfiguration)."
                : "The account's S3 public access block has settings off: "
                        + String.join(", ", account.block().value().settingsOff()) + ".";
        return List.of(finding(context, account.accountId()).region(Finding.GLOBAL).detail(detail).build());
    }
}
