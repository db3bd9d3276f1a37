package cloud.consolesensei.demo;

import cloud.consolesensei.aws.AccountTarget;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountJoinedMethod;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.organizations.model.ChildNotFoundException;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentRequest;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListParentsRequest;
import software.amazon.awssdk.services.organizations.model.ListParentsResponse;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Parent;
import software.amazon.awssdk.services.organizations.model.ParentType;

/**
 * Demo fake of {@link OrganizationsClient}: a small organization for {@code run --demo} with
 * {@code consolesensei.organizations.discover: true} (see {@code jobs/organization.example.yml}).
 * <pre>
 * r-demo Root
 *   111111111111 DEMO-production   management account (ACTIVE)
 *   ou-demo-workloads Workloads
 *     ou-demo-production Production
 *       555555555555 DEMO-analytics   member, ACTIVE, an almost empty estate
 *     ou-demo-nonproduction NonProduction
 *       222222222222 DEMO-staging     member, ACTIVE
 *   ou-demo-sandboxes Sandboxes
 *     333333333333 DEMO-sandbox     member, ACTIVE, but the audit role is missing: AssumeRole is denied
 *     444444444444 DEMO-legacy      SUSPENDED (second ListAccounts page)
 * </pre>
 * ListAccounts answers in two pages. Operations it does not override throw
 * {@link UnsupportedOperationException}.
 */
final class DemoOrganizations {

    /** The SDK interface with the demo's shared parts ({@link DemoClient}). */
    private interface Fake extends OrganizationsClient, DemoClient {
    }

    /** The demo organization's management account: the demo's base credentials belong to it. */
    static final String MANAGEMENT = DemoEstate.PRODUCTION.id();
    /** The member account whose audit role does not exist. */
    static final String ROLE_MISSING = "333333333333";

    private static final String ROOT = "r-demo";
    private static final String ORG = "o-demo00000a";

    /** Child id to its parent id. */
    private static final Map<String, String> PARENT = Map.of(
            "111111111111", ROOT,
            "ou-demo-workloads", ROOT,
            "ou-demo-sandboxes", ROOT,
            "ou-demo-production", "ou-demo-workloads",
            "ou-demo-nonproduction", "ou-demo-workloads",
            "555555555555", "ou-demo-production",
            "222222222222", "ou-demo-nonproduction",
            "333333333333", "ou-demo-sandboxes",
            "444444444444", "ou-demo-sandboxes");

    private static final Map<String, String> OU_NAMES = Map.of(
            "ou-demo-workloads", "Workloads",
            "ou-demo-sandboxes", "Sandboxes",
            "ou-demo-production", "Production",
            "ou-demo-nonproduction", "NonProduction");

    private DemoOrganizations() {
    }

    /** True when the demo account {@code accountId} has no audit role to assume. */
    static boolean roleMissing(String accountId) {
        return ROLE_MISSING.equals(accountId);
    }

    /** A client of the demo organization (the same whoever asks), dated from {@code asOf}. */
    static OrganizationsClient client(AccountTarget account, String region, LocalDate asOf) {
        List<List<Account>> pages = List.of(
                List.of(account("111111111111", "DEMO-production", AccountStatus.ACTIVE, AccountJoinedMethod.CREATED, asOf, 900),
                        account("222222222222", "DEMO-staging", AccountStatus.ACTIVE, AccountJoinedMethod.INVITED, asOf, 600),
                        account("333333333333", "DEMO-sandbox", AccountStatus.ACTIVE, AccountJoinedMethod.CREATED, asOf, 120)),
                List.of(account("444444444444", "DEMO-legacy", AccountStatus.SUSPENDED, AccountJoinedMethod.INVITED, asOf, 1500),
                        account("555555555555", "DEMO-analytics", AccountStatus.ACTIVE, AccountJoinedMethod.CREATED, asOf, 45)));
        return new Fake() {
            @Override
            public ListAccountsResponse listAccounts(ListAccountsRequest r) {
                int page = r.nextToken() == null ? 0 : Integer.parseInt(r.nextToken());
                return ListAccountsResponse.builder().accounts(pages.get(page))
                        .nextToken(page + 1 < pages.size() ? String.valueOf(page + 1) : null).build();
            }

            @Override
            public ListParentsResponse listParents(ListParentsRequest r) {
                String parent = PARENT.get(r.childId());
                if (parent == null) {
                    throw ChildNotFoundException.builder().message("We can't find an organizational unit (OU) or AWS account with the ChildId that you specified.").build();
                }
                return ListParentsResponse.builder().parents(Parent.builder().id(parent)
                        .type(parent.equals(ROOT) ? ParentType.ROOT : ParentType.ORGANIZATIONAL_UNIT).build()).build();
            }

            @Override
            public ListOrganizationalUnitsForParentResponse listOrganizationalUnitsForParent(
                    ListOrganizationalUnitsForParentRequest r) {
                List<OrganizationalUnit> children = OU_NAMES.keySet().stream().sorted()
                        .filter(ou -> r.parentId().equals(PARENT.get(ou)))
                        .map(ou -> OrganizationalUnit.builder().id(ou).name(OU_NAMES.get(ou))
                                .arn("arn:aws:organizations::" + MANAGEMENT + ":ou/" + ORG + "/" + ou).build())
                        .toList();
                return ListOrganizationalUnitsForParentResponse.builder().organizationalUnits(children).build();
            }
        };
    }

    private static Account account(String id, String name, AccountStatus status, AccountJoinedMethod joined,
                                   LocalDate asOf, int daysAgo) {
        return Account.builder().id(id).name(name).status(status).joinedMethod(joined)
                .arn("arn:aws:organizations::" + MANAGEMENT + ":account/" + ORG + "/" + id)
                .email(name.toLowerCase(Locale.ROOT) + "@example.com")
                .joinedTimestamp(asOf.minusDays(daysAgo).atStartOfDay().toInstant(ZoneOffset.UTC)).build();
    }
}
