package cloud.consolesensei.job;

import cloud.consolesensei.config.ConfigException;

/**
 * {@code restart} refused (CLI exit 2, API 409): no such execution, or one that is completed,
 * abandoned, still running in a live process, or older than its accounts' latest completed run
 * (history never moves backwards). Nothing was run or written.
 */
public class NotRestartableException extends ConfigException {

    public NotRestartableException(String problem) {
        super(problem);
    }
}
