package cloud.consolesensei.demo;

import java.util.List;

/**
 * One page of a demo API's list, paged the way AWS pages: an opaque next token ({@code demo-<offset>})
 * while more items follow, none on the last page. The demo clients page like AWS so the readers'
 * pagination is exercised in demo mode too.
 *
 * @param items     this page's items
 * @param nextToken the token of the next page, or null on the last one
 */
record DemoPage<T>(List<T> items, String nextToken) {

    private static final String PREFIX = "demo-";

    /** The page of {@code all} that {@code token} (null or empty: the first) starts, at most {@code size} items. */
    static <T> DemoPage<T> of(List<T> all, String token, int size) {
        int from = token == null || token.isEmpty() ? 0 : Integer.parseInt(token.substring(PREFIX.length()));
        int to = Math.min(all.size(), from + size);
        return new DemoPage<>(all.subList(from, to), to < all.size() ? PREFIX + to : null);
    }
}
