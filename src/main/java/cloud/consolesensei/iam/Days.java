package cloud.consolesensei.iam;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Whole-day ages against the audit's as-of date (UTC), the unit every IAM threshold uses. */
final class Days {

    private Days() {
    }

    /** Calendar days from {@code when}'s UTC date to {@code asOf}; negative when {@code when} is later. */
    static long since(Instant when, LocalDate asOf) {
        return ChronoUnit.DAYS.between(when.atZone(ZoneOffset.UTC).toLocalDate(), asOf);
    }

    /** The UTC date of {@code when}, or {@code null}. */
    static LocalDate date(Instant when) {
        return when == null ? null : when.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
