package cloud.consolesensei.ebs;

import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.InventorySheet;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.AbstractResourceSource;

import java.util.List;
import java.util.stream.Stream;

/**
 * One item per (account, region): GetEbsEncryptionByDefault (ec2:GetEbsEncryptionByDefault),
 * judged by {@code ebs.default_encryption_off}. No inventory sheet.
 */
public final class DefaultEncryptionSource extends AbstractResourceSource<EbsDefaultEncryption> {

    public DefaultEncryptionSource() {
        super("ebs.default-encryption", Scope.REGIONAL, null, List.of(new DefaultEncryptionOffCheck()));
    }

    @Override
    public Stream<EbsDefaultEncryption> read(ReadContext ctx) {
        return ctx.call("ec2", "GetEbsEncryptionByDefault",
                        () -> ctx.clients().ec2(ctx.account(), ctx.region()).getEbsEncryptionByDefault(r -> { }))
                .filter(r -> {
                    // an answer without the setting must not read as "fine": it is a gap
                    if (r.ebsEncryptionByDefault() != null) return true;
                    ctx.gap("ec2", "GetEbsEncryptionByDefault", ErrorClass.MALFORMED_RESPONSE,
                            "the answer has no ebsEncryptionByDefault element", false);
                    return false;
                })
                .map(r -> new EbsDefaultEncryption(ctx.account().id(), r.ebsEncryptionByDefault()))
                .stream();
    }

    @Override
    public InventoryRow inventoryRow(EbsDefaultEncryption resource, CheckContext context) {
        return null;
    }
}
