package cloud.consolesensei.doctor;

import java.util.List;

/**
 * What {@code doctor} found for one IAM action in one account.
 *
 * @param accountId 12-digit account ID
 * @param action    IAM action, e.g. {@code iam:ListUsers}
 * @param status    the verdict
 * @param detail    what AWS answered (error code and message), empty when plainly allowed
 * @param checks    ids of the enabled checks that need the action (or what else does)
 */
public record ProbeResult(String accountId, String action, Status status, String detail, List<String> checks) {

    public ProbeResult {
        checks = List.copyOf(checks);
    }

    /** A probe's verdict. */
    public enum Status {
        /** The call got past authorization. */
        OK,
        /** AWS refused the action: the checks that need it cannot run. */
        DENIED,
        /** Another failure (network, throttling, invalid credentials): permission unknown. */
        ERROR,
        /** Refused, but only report data needs it (invoices of an account that is not the paying one): not counted against. */
        INFO,
        /** Nothing to probe it on (no bucket in the account) or no probe for the action: not counted against. */
        NOT_PROBED;

        /** True when this result keeps {@code doctor} from exiting 0. */
        public boolean failing() {
            return this == DENIED || this == ERROR;
        }
    }
}
