package cloud.consolesensei.lock;

/**
 * A run refused because a live execution holds one of its accounts (README: the CLI exits 2,
 * the API answers 409, {@code serve} skips the scheduled run). Nothing was locked, run or written.
 * The message is one line naming the account and the execution holding it.
 */
public class AccountsBusyException extends RuntimeException {

    private final String accountId;
    private final long holderExecutionId;
    private final int busyAccounts;

    /**
     * @param accountId         the first (lowest) account id held by another live execution
     * @param holderExecutionId the Spring Batch job execution id holding it
     * @param busyAccounts      how many of the asked accounts live executions hold (at least 1)
     */
    public AccountsBusyException(String accountId, long holderExecutionId, int busyAccounts) {
        super("account " + accountId + " is being audited by job execution " + holderExecutionId
                + (busyAccounts > 1 ? " (" + (busyAccounts - 1) + " more of the accounts asked for are busy too)" : "")
                + ": runs never overlap on an account; wait for it to end (`runs` shows it alive) or stop it");
        this.accountId = accountId;
        this.holderExecutionId = holderExecutionId;
        this.busyAccounts = busyAccounts;
    }

    /** The first busy account (12-digit id). */
    public String getAccountId() {
        return accountId;
    }

    /** The job execution holding {@link #getAccountId()}. */
    public long getHolderExecutionId() {
        return holderExecutionId;
    }

    /** How many of the accounts asked for are held by live executions. */
    public int getBusyAccounts() {
        return busyAccounts;
    }
}
