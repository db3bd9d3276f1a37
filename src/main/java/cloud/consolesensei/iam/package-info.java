/**
 * IAM capability: the identity checks of the catalog ({@code iam.*}, docs/checks.md), region
 * {@code global}, registered by {@link cloud.consolesensei.iam.IamModule} (order 50). CIS numbers
 * are those of the CIS AWS Foundations Benchmark v3.0.0.
 *
 * <h2>Sources and the calls they make</h2>
 * <ul>
 *   <li>{@link cloud.consolesensei.iam.PasswordPolicySource}: {@code GetAccountPasswordPolicy};
 *       {@code NoSuchEntity} means "no policy" (a finding), not a gap.</li>
 *   <li>{@link cloud.consolesensei.iam.CredentialReportSource}: {@code GenerateCredentialReport}
 *       until COMPLETE, {@code GetCredentialReport} (polling bounded, waits injectable; a report more
 *       than 4 hours old is regenerated), rows streamed from the CSV; {@code ListAccessKeys} for each
 *       IAM user with an active key, because the report carries no key ids. Key slot 1/2 is matched
 *       to a key by CreateDate = {@code access_key_N_last_rotated} (to the second), then by CreateDate
 *       order ({@link cloud.consolesensei.iam.AccessKeyIds}). Root, user and key checks.</li>
 *   <li>{@link cloud.consolesensei.iam.UserPoliciesSource}: {@code ListUsers}, then per user
 *       {@code ListAttachedUserPolicies}, {@code ListUserPolicies} + {@code GetUserPolicy}; customer
 *       managed documents via {@code GetPolicy} (DefaultVersionId) + {@code GetPolicyVersion}, cached
 *       per policy ARN per account read. Documents are URL-encoded JSON, parsed with Jackson 3.</li>
 *   <li>{@link cloud.consolesensei.iam.RoleSource}: {@code ListRoles} with trust policies, and the
 *       roles' last use (below).</li>
 * </ul>
 *
 * <h2>Role last use: GetAccountAuthorizationDetails, not GetRole per role</h2>
 * {@code ListRoles} does not return {@code RoleLastUsed} (IAM API reference: "This operation does not
 * return the following attributes ... PermissionsBoundary, RoleLastUsed, Tags"). Two ways to get it,
 * counted for an account with 500 roles:
 * <table>
 *   <caption>HTTP requests to read 500 roles with their last use</caption>
 *   <tr><th>approach</th><th>requests</th></tr>
 *   <tr><td>ListRoles (MaxItems 1000: 1 page) + one {@code GetRole} per role</td><td>1 + 500 = 501
 *       (505 at ListRoles' default 100 a page)</td></tr>
 *   <tr><td>ListRoles (1 page) + {@code GetAccountAuthorizationDetails} Filter=Role, MaxItems 1000
 *       (1 page; IAM may cut a page short by size, then a few more)</td><td>1 + 1 = 2</td></tr>
 * </table>
 * The second is what this package does; {@code RoleCallCountWireTest} measures it (exactly 2
 * requests for 500 roles through the real SDK). 501 sequential calls would take tens of seconds per
 * account and spend IAM's account-wide request rate, which every other tool in the account shares
 * (throttling past the retry budget is a coverage gap). The price: a role name to RoleLastUsed map
 * held for one account read (a few dozen bytes a role; IAM's default quota is 1,000 roles, 5,000 at
 * most), and the {@code iam:GetAccountAuthorizationDetails} permission, which the SecurityAudit and
 * ReadOnlyAccess managed policies include. If that call fails, its gap is recorded and
 * {@code iam.role_unused} judges no role (unknown is not "unused"); trust policies are still judged.
 *
 * <h2>Errors</h2>
 * Every call goes through {@link cloud.consolesensei.collect.ReadContext#call} or
 * {@link cloud.consolesensei.collect.ReadContext#stream}: a failure is a coverage gap naming the
 * operation (and the user, policy or role when narrower) and the other sources go on.
 */
package cloud.consolesensei.iam;
