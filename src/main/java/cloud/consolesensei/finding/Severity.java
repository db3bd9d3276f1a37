package cloud.consolesensei.finding;

/**
 * Finding severity, on the scale AWS Security Hub and Prowler use. Declaration order is
 * descending severity, so {@link #ordinal()} sorts the most severe first.
 */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO
}
