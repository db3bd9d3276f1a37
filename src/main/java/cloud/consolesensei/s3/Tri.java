package cloud.consolesensei.s3;

/**
 * Three-valued (Kleene) logic for verdicts built from configuration reads that may have failed:
 * {@code UNKNOWN AND FALSE} is {@code FALSE}, {@code UNKNOWN OR TRUE} is {@code TRUE}, and
 * otherwise UNKNOWN stays UNKNOWN. A check fires only on {@link #TRUE} (unknown is not "off").
 */
public enum Tri {
    TRUE, FALSE, UNKNOWN;

    public static Tri of(boolean b) {
        return b ? TRUE : FALSE;
    }

    public Tri and(Tri other) {
        if (this == FALSE || other == FALSE) return FALSE;
        if (this == TRUE && other == TRUE) return TRUE;
        return UNKNOWN;
    }

    public Tri or(Tri other) {
        if (this == TRUE || other == TRUE) return TRUE;
        if (this == FALSE && other == FALSE) return FALSE;
        return UNKNOWN;
    }

    public Tri not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }

    public boolean isTrue() {
        return this == TRUE;
    }
}
