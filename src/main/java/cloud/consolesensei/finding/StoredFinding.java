package cloud.consolesensei.finding;

import java.time.LocalDate;

/**
 * A finding with its lifecycle, as the findings store keeps it and the reports print it.
 *
 * @param finding           what the check found
 * @param accountName       the account's display name
 * @param status            NEW, OPEN, SUPPRESSED or RESOLVED
 * @param suppressionReason why it is muted (SUPPRESSED only), else null
 * @param firstSeen         as-of date of the run that first saw it (kept when reopened)
 * @param lastSeen          as-of date of the last run that saw it
 * @param resolvedOn        as-of date of the run that no longer saw it (RESOLVED only)
 */
public record StoredFinding(Finding finding, String accountName, FindingStatus status, String suppressionReason,
                            LocalDate firstSeen, LocalDate lastSeen, LocalDate resolvedOn) {
}
