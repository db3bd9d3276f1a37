package cloud.consolesensei.iam;

import software.amazon.awssdk.services.iam.model.PasswordPolicy;

/**
 * The account's IAM password policy ({@code GetAccountPasswordPolicy}).
 *
 * @param accountId 12-digit account id (the resource id of account-level findings)
 * @param policy    the policy, or {@code null} when the account has none ({@code NoSuchEntity}: a fact, not a gap)
 */
public record AccountPasswordPolicy(String accountId, PasswordPolicy policy) {
}
