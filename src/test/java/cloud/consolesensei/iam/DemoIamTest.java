package cloud.consolesensei.iam;

import static cloud.consolesensei.testkit.Fixtures.AS_OF;
import static cloud.consolesensei.iam.IamTestSupport.audit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cloud.consolesensei.testkit.Gaps;
import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.collect.InventoryRow;
import cloud.consolesensei.collect.ReadContext;
import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.demo.DemoAwsClients;
import cloud.consolesensei.demo.DemoEstate;
import cloud.consolesensei.finding.Finding;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;

/** The demo estate, read by the real sources through the SDK's own paginators, fires every iam.* check. */
class DemoIamTest {

    private final DemoAwsClients clients = new DemoAwsClients(AS_OF);
    private final IamModule module = new IamModule(d -> {
        throw new AssertionError("the demo report is ready at once; no wait expected");
    }, Clock.systemUTC());
    private final Gaps gaps = new Gaps();

    private List<Finding> auditAll(AccountTarget account) {
        ReadContext ctx = IamTestSupport.readContext(account, clients, gaps);
        List<Finding> out = new ArrayList<>();
        for (ResourceSource<?> s : module.sources()) {
            out.addAll(audit(s, ctx));
        }
        return out;
    }

    @Test
    void everyIamCheckFiresAcrossTheDemoAccounts() {
        List<Finding> all = new ArrayList<>();
        DemoEstate.ACCOUNTS.forEach(a -> all.addAll(auditAll(a)));
        assertThat(all).extracting(Finding::checkId).containsAll(
                module.definitions().stream().map(CheckDefinition::id).toList());
        assertThat(module.definitions()).hasSize(12);
        assertThat(gaps.recorded()).isEmpty();
    }

    @Test
    void productionFindingsAreExactlyTheStagedProblems() {
        assertThat(auditAll(DemoEstate.PRODUCTION)).extracting(Finding::checkId, Finding::resourceId)
                .containsExactlyInAnyOrder(
                        tuple("iam.user_console_no_mfa", "bob.dev"),
                        tuple("iam.access_key_not_rotated", "AKIADEMOCIDEPLOY001"),
                        tuple("iam.access_key_not_rotated", "AKIADEMOLEGACYREP01"),
                        tuple("iam.access_key_unused", "AKIADEMOLEGACYREP01"),
                        tuple("iam.access_key_unused", "AKIADEMOLEGACYREP02"),
                        tuple("iam.user_two_active_keys", "legacy-reporting"),
                        tuple("iam.user_inactive", "carol.analyst"),
                        tuple("iam.user_admin_attached", "alice.admin"),
                        tuple("iam.user_admin_attached", "legacy-reporting"),
                        tuple("iam.role_cross_account_no_external_id", "partner-monitoring"),
                        tuple("iam.role_unused", "old-migration"));
    }

    @Test
    void stagingFindingsAreExactlyTheStagedProblems() {
        String root = "arn:aws:iam::222222222222:root";
        assertThat(auditAll(DemoEstate.STAGING)).extracting(Finding::checkId, Finding::resourceId)
                .containsExactlyInAnyOrder(
                        tuple("iam.password_policy_weak", "222222222222"),
                        tuple("iam.root_mfa_disabled", root),
                        tuple("iam.root_access_key_active", root),
                        tuple("iam.root_used_recently", root),
                        tuple("iam.user_console_no_mfa", "sam.tester"),
                        tuple("iam.access_key_not_rotated", "AKIADEMOQABOT000001"),
                        tuple("iam.access_key_unused", "AKIADEMOQABOT000001"),
                        tuple("iam.user_admin_attached", "staging-ci"),
                        tuple("iam.role_cross_account_no_external_id", "contractor-access"),
                        tuple("iam.role_unused", "never-used-test"));
    }

    @Test
    void usersAndRolesArePagedWithMarkersAndCleanOnesAreInTheSheets() {
        var iam = clients.iam(DemoEstate.PRODUCTION);
        ListUsersResponse users = iam.listUsers(r -> { });
        ListRolesResponse roles = iam.listRoles(r -> { });
        assertThat(users.isTruncated()).isTrue();
        assertThat(users.marker()).isNotBlank();
        assertThat(roles.isTruncated()).isTrue();
        assertThat(roles.marker()).isNotBlank();

        ReadContext ctx = IamTestSupport.readContext(DemoEstate.PRODUCTION, clients, gaps);
        assertThat(new UserPoliciesSource().read(ctx).map(UserPolicies::userName)).containsExactly(
                "alice.admin", "bob.dev", "ci-deploy", "legacy-reporting", "carol.analyst", "dana.ops");
        RoleSource roleSource = new RoleSource();
        List<InventoryRow> roleRows = roleSource.read(ctx).map(r -> roleSource.inventoryRow(r, ctx.checkContext()))
                .toList();
        assertThat(roleRows).extracting(InventoryRow::resourceId).containsExactly("web-app-ec2", "lambda-orders",
                "partner-monitoring", "vendor-backup", "old-migration", "AWSServiceRoleForSupport");
        CredentialReportSource report = (CredentialReportSource) module.sources().stream()
                .filter(CredentialReportSource.class::isInstance).findFirst().orElseThrow();
        List<InventoryRow> userRows = report.read(ctx).map(r -> report.inventoryRow(r, ctx.checkContext())).toList();
        assertThat(userRows).extracting(InventoryRow::resourceId).contains("arn:aws:iam::111111111111:root",
                "dana.ops");
        assertThat(gaps.recorded()).isEmpty();
    }
}
