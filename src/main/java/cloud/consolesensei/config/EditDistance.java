package cloud.consolesensei.config;

/** How far a misspelt name is from a known one, to suggest "did you mean ...?". */
public final class EditDistance {

    private EditDistance() {
    }

    /** Levenshtein distance: single-character insertions, deletions and substitutions from {@code a} to {@code b}. */
    public static int between(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            prev = cur;
        }
        return prev[b.length()];
    }
}
