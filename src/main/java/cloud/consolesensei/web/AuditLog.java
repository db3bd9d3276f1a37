package cloud.consolesensei.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;

/**
 * The audit trail of the console and API: one log line (logger {@code cloud.consolesensei.web.audit})
 * naming who did what to which run: {@code audit: user=alice action=rerun accounts=[111111111111]
 * regions=[us-east-1] execution=42}.
 */
public final class AuditLog {

    private static final Logger log = LoggerFactory.getLogger("cloud.consolesensei.web.audit");

    private AuditLog() {
    }

    /** Logs that {@code who} did {@code action}; {@code what} says to what (accounts, execution ids). */
    public static void record(Authentication who, String action, String what) {
        log.info("audit: user={} action={} {}", who == null ? "-" : who.getName(), action, what);
    }
}
