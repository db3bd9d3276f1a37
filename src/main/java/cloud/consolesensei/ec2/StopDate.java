package cloud.consolesensei.ec2;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the stop time out of an instance's StateTransitionReason, which EC2 fills as free text
 * such as {@code User initiated (2023-01-15 10:20:30 GMT)} or
 * {@code Service initiated (2023-01-15 10:20:30 GMT)}: the only place DescribeInstances gives it.
 */
public final class StopDate {

    private static final Pattern STAMP = Pattern.compile("\\((\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}) (?:GMT|UTC)\\)");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private StopDate() {
    }

    /** The stop instant (UTC), or empty when the reason is absent or carries no readable date. */
    public static Optional<Instant> parse(String stateTransitionReason) {
        if (stateTransitionReason == null) return Optional.empty();
        Matcher m = STAMP.matcher(stateTransitionReason);
        if (!m.find()) return Optional.empty();
        try {
            return Optional.of(LocalDateTime.parse(m.group(1), FORMAT).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty(); // e.g. month 13: unreadable, not a crash
        }
    }
}
