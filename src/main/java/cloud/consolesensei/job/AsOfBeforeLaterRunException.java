package cloud.consolesensei.job;

import cloud.consolesensei.config.ConfigException;

import java.time.LocalDate;

/**
 * A run refused because its as-of date is before that of an earlier completed run of its accounts
 * (the findings history only moves forward). The message names the CLI's {@code --as-of}; a caller
 * that names the date otherwise (the API's {@code asOf}) words it with
 * {@link RunRules#beforeLaterRun(String, LocalDate, LocalDate)} and {@link #asOf()}, {@link #latest()}.
 */
public class AsOfBeforeLaterRunException extends ConfigException {

    private final LocalDate asOf;
    private final LocalDate latest;

    public AsOfBeforeLaterRunException(LocalDate asOf, LocalDate latest) {
        super(RunRules.beforeLaterRun("--as-of", asOf, latest));
        this.asOf = asOf;
        this.latest = latest;
    }

    /** The refused as-of date. */
    public LocalDate asOf() {
        return asOf;
    }

    /** The as-of date of the latest completed run of the accounts. */
    public LocalDate latest() {
        return latest;
    }
}
