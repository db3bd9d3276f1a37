package cloud.consolesensei.iam;

import java.time.Instant;

import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleLastUsed;

import tools.jackson.databind.JsonNode;

/**
 * One IAM role as {@link RoleSource} read it: the {@code ListRoles} entry, its decoded trust policy,
 * and its last use (which ListRoles does not return; see the package documentation).
 *
 * @param role          the ListRoles entry
 * @param trustPolicy   the decoded AssumeRolePolicyDocument, or {@code null} when it could not be parsed
 * @param lastUsed      RoleLastUsed (date and region; both null when never used in the 400 days IAM
 *                      tracks), or {@code null} when unknown
 */
public record IamRole(Role role, JsonNode trustPolicy, RoleLastUsed lastUsed) {

    /** Path prefix of service-linked roles, which their AWS service owns. */
    public static final String SERVICE_LINKED_PATH = "/aws-service-role/";

    /** True when the role's last use could be read (it may still be "never"). */
    public boolean lastUsedKnown() {
        return lastUsed != null;
    }

    /** The last-use date, or {@code null} when never used or unknown. */
    public Instant lastUsedDate() {
        return lastUsed == null ? null : lastUsed.lastUsedDate();
    }

    /** True for a service-linked role. */
    public boolean serviceLinked() {
        return role.path() != null && role.path().startsWith(SERVICE_LINKED_PATH);
    }
}
