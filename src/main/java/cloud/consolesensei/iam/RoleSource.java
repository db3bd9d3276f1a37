package cloud.consolesensei.iam;

import cloud.consolesensei.check.Check;
import cloud.consolesensei.check.CheckContext;
import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.InventorySheet;
import cloud.consolesensei.collect.InventorySheet.Column;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.AbstractResourceSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleLastUsed;

import tools.jackson.databind.JsonNode;

/**
 * IAM roles: {@code ListRoles} (1,000 a page) streams them with their trust policies; their last use,
 * which ListRoles does not return, comes from one {@code GetAccountAuthorizationDetails} walk
 * (Filter=Role, 1,000 a page) made when the first role arrives and kept as a role name to
 * RoleLastUsed index for this read. The package documentation counts the calls against one
 * {@code GetRole} per role. If that walk fails, the gap is recorded and {@code iam.role_unused}
 * judges no role (unknown is not "unused"); the trust-policy check still runs.
 */
public final class RoleSource extends AbstractResourceSource<IamRole> {

    static final int PAGE = 1000;
    static final InventorySheet SHEET = new InventorySheet("IAM Roles", List.of(
            Column.text("Role"), Column.text("Path"), Column.date("Created"), Column.date("Last used"),
            Column.text("Last used region"), Column.text("Trusted principals")));
    private static final RoleLastUsed NEVER = RoleLastUsed.builder().build();
    private static final List<Check<IamRole>> CHECKS = List.of(new RoleUnusedCheck(),
            new RoleCrossAccountNoExternalIdCheck());

    public RoleSource() {
        super("iam.roles", Scope.GLOBAL, SHEET, CHECKS);
    }

    @Override
    public Stream<IamRole> read(ReadContext ctx) {
        IamClient iam = ctx.clients().iam(ctx.account());
        LastUsedIndex lastUsed = new LastUsedIndex(ctx, iam);
        return ctx.stream(IamModule.SERVICE, "ListRoles",
                        () -> iam.listRolesPaginator(r -> r.maxItems(PAGE)).roles().stream())
                .map(role -> new IamRole(role, trustPolicy(ctx, role), lastUsed.of(role.roleName())));
    }

    private static JsonNode trustPolicy(ReadContext ctx, Role role) {
        if (role.assumeRolePolicyDocument() == null) return null;
        return ctx.call(IamModule.SERVICE, "ListRoles", "role " + role.roleName() + " trust policy",
                () -> PolicyDocuments.parse(role.assumeRolePolicyDocument())).orElse(null);
    }

    /** Role name to RoleLastUsed for the account, read on first use. */
    private static final class LastUsedIndex {
        private final ReadContext ctx;
        private final IamClient iam;
        private boolean loaded;
        private Map<String, RoleLastUsed> index;

        LastUsedIndex(ReadContext ctx, IamClient iam) {
            this.ctx = ctx;
            this.iam = iam;
        }

        /** The role's last use ({@link #NEVER} when never used), or {@code null} when unknown. */
        RoleLastUsed of(String roleName) {
            if (!loaded) {
                loaded = true;
                index = ctx.call(IamModule.SERVICE, "GetAccountAuthorizationDetails", () -> {
                    Map<String, RoleLastUsed> m = new HashMap<>();
                    iam.getAccountAuthorizationDetailsPaginator(r -> r.filter(EntityType.ROLE).maxItems(PAGE))
                            .roleDetailList()
                            .forEach(d -> m.put(d.roleName(), d.roleLastUsed() == null ? NEVER : d.roleLastUsed()));
                    return m;
                }).orElse(null);
            }
            return index == null ? null : index.get(roleName);
        }
    }

    @Override
    public InventoryRow inventoryRow(IamRole r, CheckContext ctx) {
        List<Object> cells = new ArrayList<>();
        cells.add(r.role().roleName());
        cells.add(r.role().path());
        cells.add(Days.date(r.role().createDate()));
        cells.add(Days.date(r.lastUsedDate()));
        cells.add(r.lastUsed() == null ? null : r.lastUsed().region());
        cells.add(r.trustPolicy() == null ? null : String.join("; ", TrustPolicy.principals(r.trustPolicy())));
        return new InventoryRow(SHEET.name(), ctx.accountId(), ctx.region(), r.role().roleName(), cells);
    }
}
