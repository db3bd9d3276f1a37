package cloud.consolesensei.organizations;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsClients;
import cloud.consolesensei.aws.AwsErrorClassifier;
import cloud.consolesensei.config.ConsoleSenseiProperties;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Parent;
import software.amazon.awssdk.services.organizations.model.ParentType;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Lists the accounts of an AWS Organization and decides which ones to audit. Stateless and free of
 * database access: the run ({@link OrganizationAccounts}) and {@code doctor} both call
 * {@link #discover}.
 * <ol>
 *   <li>{@code sts:GetCallerIdentity} with the base credentials, at the STS endpoint of
 *       {@code consolesensei.aws.sts-home-region}: the management (or delegated administrator)
 *       account and the partition of its ARN;</li>
 *   <li>{@code organizations:ListAccounts} through the SDK paginator; an account is kept only when
 *       its lifecycle is ACTIVE: the {@code State} field when AWS sends it (newer API versions),
 *       else the legacy {@code Status} (SUSPENDED, PENDING_CLOSURE and any other value are left out);</li>
 *   <li>only when an include/exclude entry names an OU: the account's ancestry with
 *       {@code ListParents} up to the root, and the OU names with
 *       {@code ListOrganizationalUnitsForParent} (both cached per OU, so each is called once per
 *       parent);</li>
 *   <li>the include/exclude filters ({@link AccountFilter}).</li>
 * </ol>
 * AWS errors never escape: they end discovery with a {@link Discovery.Failure} naming the operation.
 */
public final class OrganizationDiscovery {

    private static final Logger log = LoggerFactory.getLogger(OrganizationDiscovery.class);
    private static final String ACTIVE = "ACTIVE";

    private OrganizationDiscovery() {
    }

    /**
     * Discovers the organization's accounts.
     *
     * @param clients   the run's (or doctor's) clients; the base credentials are used (no role)
     * @param config    {@code consolesensei.organizations} (include/exclude are read; discover is not)
     * @param stsRegion region whose STS endpoint answers GetCallerIdentity
     * @return what was found; {@link Discovery#failure()} set when a call failed (accounts then empty)
     */
    public static Discovery discover(AwsClients clients, ConsoleSenseiProperties.Organizations config, String stsRegion) {
        AccountTarget probe = new AccountTarget("000000000000", "caller", null, null, List.of(stsRegion),
                List.of(), null, List.of());
        GetCallerIdentityResponse me;
        try {
            me = clients.sts(probe, stsRegion).getCallerIdentity();
        } catch (RuntimeException e) {
            return failed(null, "aws", "GetCallerIdentity", e);
        }
        String partition = partition(me.arn());
        AccountTarget caller = new AccountTarget(me.account(), me.account(), null, null, List.of(stsRegion),
                List.of(), null, List.of());
        Walk walk = new Walk(clients.organizations(caller), new AccountFilter(config.include(), config.exclude()));
        try {
            List<OrgAccount> accounts = walk.accounts();
            log.info("organization of {}: {} account(s) listed, {} included", me.account(), accounts.size(),
                    accounts.stream().filter(OrgAccount::included).count());
            return new Discovery(me.account(), partition, accounts, null);
        } catch (RuntimeException e) {
            return failed(me.account(), partition, walk.operation, e);
        }
    }

    private static Discovery failed(String caller, String partition, String operation, RuntimeException e) {
        String message = AwsErrorClassifier.message(e);
        log.warn("organizations discovery failed at {}: {}", operation, message);
        return new Discovery(caller, partition, List.of(),
                new Discovery.Failure(operation, AwsErrorClassifier.classify(e), message, e));
    }

    /** The partition of an ARN ({@code arn:aws-cn:...} gives {@code aws-cn}); {@code aws} when unreadable. */
    static String partition(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 3);
        return parts.length >= 2 && parts[0].equals("arn") && !parts[1].isBlank() ? parts[1] : "aws";
    }

    /** The lifecycle of an account: State when present, else Status, else UNKNOWN (never audited). */
    static String lifecycle(Account a) {
        String state = a.stateAsString();
        if (state != null && !state.isBlank()) return state;
        String status = a.statusAsString();
        return status != null && !status.isBlank() ? status : "UNKNOWN";
    }

    /** One pass over the organization, remembering the operation in progress (for the failure). */
    private static final class Walk {

        private final OrganizationsClient orgs;
        private final AccountFilter filter;
        /** Child id to its parent (an account or OU has exactly one parent). */
        private final Map<String, Parent> parents = new HashMap<>();
        /** OU id to name, filled per parent by ListOrganizationalUnitsForParent. */
        private final Map<String, String> names = new HashMap<>();
        private final Set<String> listedParents = new HashSet<>();
        private String operation = "ListAccounts";

        Walk(OrganizationsClient orgs, AccountFilter filter) {
            this.orgs = orgs;
            this.filter = filter;
        }

        List<OrgAccount> accounts() {
            List<Account> listed = new ArrayList<>();
            // Each page is kept as it comes; an organization has at most a few thousand accounts.
            orgs.listAccountsPaginator(b -> { }).forEach(page -> listed.addAll(page.accounts()));
            List<OrgAccount> out = new ArrayList<>();
            for (Account a : listed) {
                String state = lifecycle(a);
                if (!ACTIVE.equals(state)) {
                    out.add(new OrgAccount(a.id(), a.name(), a.email(), state, List.of(), false,
                            "not ACTIVE (" + state + ")"));
                    continue;
                }
                List<OrgAccount.OrgUnit> path = filter.needsOus() ? ancestry(a.id()) : List.of();
                Optional<String> rejected = filter.rejects(a.id(), a.name(), path.stream().map(OrgAccount.OrgUnit::id).toList());
                out.add(new OrgAccount(a.id(), a.name(), a.email(), state, path, rejected.isEmpty(),
                        rejected.orElse(filter.isEmpty() ? "ACTIVE" : "ACTIVE, kept by the include/exclude filters")));
            }
            return out;
        }

        /** The parents of {@code accountId} from the root down. */
        private List<OrgAccount.OrgUnit> ancestry(String accountId) {
            List<OrgAccount.OrgUnit> up = new ArrayList<>();
            String child = accountId;
            for (int depth = 0; depth < 10; depth++) { // Organizations nests OUs at most 5 deep
                Parent p = parent(child);
                if (p == null) break;
                up.add(0, new OrgAccount.OrgUnit(p.id(), p.type() == ParentType.ROOT ? "Root" : null));
                if (p.type() == ParentType.ROOT) break;
                child = p.id();
            }
            // Names of OUs come from listing the children of their own parent.
            List<OrgAccount.OrgUnit> named = new ArrayList<>();
            for (int i = 0; i < up.size(); i++) {
                OrgAccount.OrgUnit u = up.get(i);
                if (u.name() == null && i > 0) {
                    named.add(new OrgAccount.OrgUnit(u.id(), name(up.get(i - 1).id(), u.id())));
                } else {
                    named.add(u);
                }
            }
            return named;
        }

        private Parent parent(String childId) {
            if (parents.containsKey(childId)) return parents.get(childId);
            operation = "ListParents";
            Parent p = orgs.listParentsPaginator(b -> b.childId(childId)).stream()
                    .flatMap(page -> page.parents().stream()).findFirst().orElse(null);
            parents.put(childId, p);
            return p;
        }

        private String name(String parentId, String ouId) {
            if (listedParents.add(parentId)) {
                operation = "ListOrganizationalUnitsForParent";
                orgs.listOrganizationalUnitsForParentPaginator(b -> b.parentId(parentId)).forEach(page -> {
                    for (OrganizationalUnit ou : page.organizationalUnits()) names.put(ou.id(), ou.name());
                });
            }
            return names.getOrDefault(ouId, ouId);
        }
    }
}
