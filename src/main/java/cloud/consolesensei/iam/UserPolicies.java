package cloud.consolesensei.iam;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The permission policies attached directly to one IAM user (not through groups), as
 * {@link UserPoliciesSource} read them.
 *
 * @param userName the user name
 * @param arn      the user's ARN
 * @param policies managed policies (ListAttachedUserPolicies) then inline policies (ListUserPolicies)
 * @param complete false when some list or document could not be read (a coverage gap says which)
 */
public record UserPolicies(String userName, String arn, List<Policy> policies, boolean complete) {

    public UserPolicies {
        policies = List.copyOf(policies);
    }

    /**
     * One policy.
     *
     * @param name     policy name
     * @param arn      the managed policy's ARN, or {@code null} for an inline policy
     * @param document the decoded document (the default version for a managed policy), or {@code null}
     *                 when not read: AWS managed policies are known by ARN, and unreadable documents are gaps.
     *                 Treat as read-only.
     */
    public record Policy(String name, String arn, JsonNode document) {

        /** True for an inline (user) policy. */
        public boolean inline() {
            return arn == null;
        }

        /** True for a policy AWS manages ({@code arn:<partition>:iam::aws:policy/...}). */
        public boolean awsManaged() {
            return arn != null && arn.matches("arn:[^:]+:iam::aws:policy/.*");
        }
    }
}
