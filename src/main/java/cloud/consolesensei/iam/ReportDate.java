package cloud.consolesensei.iam;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One date cell of the IAM credential report: an ISO-8601 date-time ({@code 2024-05-01T10:20:30+00:00})
 * or one of the markers AWS writes instead ("Understanding the report format", IAM User Guide):
 * {@code N/A} (no such credential, or a key never used), {@code no_information} (a password never used,
 * or last used before IAM began tracking it in October 2014), {@code not_supported} (the root user's
 * password fields).
 *
 * @param kind    what the cell holds
 * @param instant the date (UTC instant) when {@code kind} is {@link Kind#DATE}, else {@code null}
 * @param raw     the cell as written, for details and diagnostics
 */
public record ReportDate(Kind kind, Instant instant, String raw) {

    /** What a date cell can hold. */
    public enum Kind { DATE, NOT_APPLICABLE, NO_INFORMATION, NOT_SUPPORTED, UNREADABLE }

    /** Parses one cell; never throws: an unknown value is {@link Kind#UNREADABLE}. */
    public static ReportDate parse(String raw) {
        String v = raw == null ? "" : raw.trim();
        switch (v) {
            case "N/A":
                return new ReportDate(Kind.NOT_APPLICABLE, null, v);
            case "no_information":
                return new ReportDate(Kind.NO_INFORMATION, null, v);
            case "not_supported":
                return new ReportDate(Kind.NOT_SUPPORTED, null, v);
            default:
                try {
                    return new ReportDate(Kind.DATE, OffsetDateTime.parse(v).toInstant(), v);
                } catch (DateTimeParseException e) {
                    return new ReportDate(Kind.UNREADABLE, null, v);
                }
        }
    }

    /** A date cell holding {@code instant}. */
    public static ReportDate of(Instant instant) {
        return new ReportDate(Kind.DATE, instant, instant.toString());
    }

    /** The date, when the cell holds one. */
    public Optional<Instant> date() {
        return Optional.ofNullable(instant);
    }

    /** True when the cell holds a date. */
    public boolean isDate() {
        return kind == Kind.DATE;
    }

    /** For finding details: the date as written, "never" for N/A and no_information, else what the cell said. */
    public String describe() {
        return switch (kind) {
            case DATE -> raw;
            case NOT_APPLICABLE, NO_INFORMATION -> "never";
            case NOT_SUPPORTED -> "not supported";
            case UNREADABLE -> "unreadable (" + raw + ")";
        };
    }

    /**
     * True for the markers that mean "never used" in a last-used column: {@code N/A} and
     * {@code no_information}. {@code not_supported} and unreadable cells are unknown, not "never".
     */
    public boolean neverUsed() {
        return kind == Kind.NOT_APPLICABLE || kind == Kind.NO_INFORMATION;
    }
}
