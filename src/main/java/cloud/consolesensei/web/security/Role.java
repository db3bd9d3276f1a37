package cloud.consolesensei.web.security;

import java.util.Optional;

/**
 * The two roles of the web console and API (README): {@link #VIEWER} sees everything and
 * downloads reports; {@link #ADMIN} also starts, stops, re-runs and restarts runs.
 */
public enum Role {
    VIEWER, ADMIN;

    /** The Spring Security authority of this role ({@code ROLE_ADMIN}). */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role named {@code value} exactly ({@code VIEWER} or {@code ADMIN}), if it is one. */
    public static Optional<Role> of(Object value) {
        for (Role r : values()) {
            if (r.name().equals(value)) return Optional.of(r);
        }
        return Optional.empty();
    }
}
