package cloud.consolesensei.report;

/**
 * What Excel can hold (README, "Outputs"): cell text of at most
 * 32,767 UTF-16 units, sheet names of at most 31 characters without {@code [ ] : * ? / \}, and no
 * characters XML 1.0 forbids.
 */
public final class ExcelText {

    /** Excel's limit on the characters of one cell, counted in UTF-16 units. */
    public static final int MAX_CELL = 32_767;

    private ExcelText() {
    }

    /**
     * Makes {@code s} safe for a cell: forbidden XML characters become U+FFFD, and text longer than
     * {@link #MAX_CELL} is cut with a visible marker that says how long it was and that the CSV
     * has it whole. Never splits a surrogate pair.
     */
    public static String cell(String s) {
        if (s == null) return null;
        String clean = xmlSafe(s);
        if (clean.length() <= MAX_CELL) return clean;
        String marker = " [... cut: " + clean.length() + " characters in all; the CSV has the whole text]";
        int keep = MAX_CELL - marker.length();
        if (Character.isHighSurrogate(clean.charAt(keep - 1))) keep--;
        return clean.substring(0, keep) + marker;
    }

    /** Replaces characters XML 1.0 forbids (and lone surrogates) with U+FFFD. */
    public static String xmlSafe(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (b != null) b.append(c).append(s.charAt(i + 1));
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                ok = false;
            } else {
                ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            }
            if (!ok && b == null) {
                b = new StringBuilder(s.length());
                b.append(s, 0, i);
            }
            if (b != null) b.append(ok ? c : '\uFFFD');
        }
        return b == null ? s : b.toString();
    }

    /** A valid, at most 31-character sheet name: forbidden characters become {@code _}. */
    public static String sheetName(String name) {
        String s = xmlSafe(name).replaceAll("[\\[\\]:*?/\\\\]", "_");
        if (s.startsWith("'")) s = "_" + s.substring(1);
        if (s.length() > 31) s = s.substring(0, 31);
        return s.isBlank() ? "Sheet" : s;
    }
}
