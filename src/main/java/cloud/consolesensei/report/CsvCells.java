package cloud.consolesensei.report;

/**
 * CSV cell hygiene (README): a cell that begins with {@code =}, {@code +}, {@code -},
 * {@code @}, tab or carriage return is neutralised against formula injection (OWASP "CSV
 * Injection") by a leading apostrophe, so the value stays recoverable.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** The neutralised cell text; null becomes empty. */
    public static String safe(String s) {
        if (s == null || s.isEmpty()) return "";
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }
}
