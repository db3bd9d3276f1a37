package cloud.consolesensei.iam;

import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.InventorySheet;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.AbstractResourceSource;

import java.util.List;
import java.util.stream.Stream;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * The account's password policy: one {@code GetAccountPasswordPolicy} call. {@code NoSuchEntity}
 * means the account has no policy, which is a fact the check judges, not a coverage gap; any other
 * failure is a gap and yields nothing.
 */
public final class PasswordPolicySource extends AbstractResourceSource<AccountPasswordPolicy> {

    private static final List<Check<AccountPasswordPolicy>> CHECKS = List.of(new PasswordPolicyWeakCheck());

    public PasswordPolicySource() {
        super("iam.password_policy", Scope.GLOBAL, null, CHECKS);
    }

    @Override
    public Stream<AccountPasswordPolicy> read(ReadContext ctx) {
        return IamStreams.deferred(() -> {
            IamClient iam = ctx.clients().iam(ctx.account());
            try {
                return Stream.of(new AccountPasswordPolicy(ctx.account().id(),
                        iam.getAccountPasswordPolicy().passwordPolicy()));
            } catch (NoSuchEntityException e) {
                return Stream.of(new AccountPasswordPolicy(ctx.account().id(), null));
            } catch (RuntimeException e) {
                ctx.failed(IamModule.SERVICE, "GetAccountPasswordPolicy", null, e);
                return Stream.empty();
            }
        });
    }

    @Override
    public InventoryRow inventoryRow(AccountPasswordPolicy resource, CheckContext context) {
        return null;
    }
}
