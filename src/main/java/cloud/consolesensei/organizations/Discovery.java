package cloud.consolesensei.organizations;

import cloud.consolesensei.aws.ErrorClass;

import java.util.List;

/**
 * What one Organizations discovery found.
 *
 * @param callerAccount the management (or delegated administrator) account: the base credentials'
 *                      account (sts:GetCallerIdentity), or null when that call failed
 * @param partition     the caller ARN's partition ({@code aws}, {@code aws-cn}, {@code aws-us-gov})
 * @param accounts      every account ListAccounts returned, in its order, each with its decision;
 *                      empty when discovery failed
 * @param failure       why discovery did not complete, or null
 */
public record Discovery(String callerAccount, String partition, List<OrgAccount> accounts, Failure failure) {

    public Discovery {
        accounts = List.copyOf(accounts);
    }

    /**
     * A failed discovery call.
     *
     * @param operation  the Organizations (or STS) operation, e.g. {@code ListAccounts}
     * @param errorClass what kind of failure
     * @param message    what AWS said (no secrets)
     * @param cause      the exception, when this process saw it (null when read back from the store)
     */
    public record Failure(String operation, ErrorClass errorClass, String message, Throwable cause) {

        /** The AWS service of the failed operation: sts for GetCallerIdentity, else organizations. */
        public String service() {
            return "GetCallerIdentity".equals(operation) ? "sts" : "organizations";
        }
    }

    /** Every account the organization listed. */
    public List<OrgAccount> discovered() {
        return accounts;
    }

    /** The accounts the lifecycle state and filters keep. */
    public List<OrgAccount> included() {
        return accounts.stream().filter(OrgAccount::included).toList();
    }

    /** The accounts left out (not ACTIVE, or filtered out), each with its reason. */
    public List<OrgAccount> excluded() {
        return accounts.stream().filter(a -> !a.included()).toList();
    }

    /** True when discovery did not complete. */
    public boolean failed() {
        return failure != null;
    }

    /** The role ARN assumed in {@code accountId}: {@code arn:<partition>:iam::<id>:role/<roleName>}. */
    public String roleArn(String accountId, String roleName) {
        return "arn:" + partition + ":iam::" + accountId + ":role/" + roleName;
    }
}
