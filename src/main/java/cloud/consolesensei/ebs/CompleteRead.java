package cloud.consolesensei.ebs;

import cloud.consolesensei.collect.ReadContext;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Reads a whole paginated listing that a check needs complete (e.g. every volume id, to call a
 * snapshot orphaned): the items, or empty when any page failed. The failure is still recorded as
 * a coverage gap through {@link ReadContext#stream}; "empty" lets the caller skip the check
 * rather than judge on a partial list (unknown is not "off").
 */
final class CompleteRead {

    private CompleteRead() {
    }

    static <T> Optional<List<T>> all(ReadContext ctx, String service, String operation, Supplier<Stream<T>> opener) {
        AtomicBoolean gap = new AtomicBoolean();
        ReadContext watched = new ReadContext(ctx.account(), ctx.region(), ctx.clients(), ctx.asOf(), ctx.settings(),
                ctx.prices(), g -> {
                    gap.set(true);
                    ctx.gaps().record(g);
                }, ctx.options());
        List<T> items;
        try (Stream<T> s = watched.stream(service, operation, opener)) {
            items = s.toList();
        }
        return gap.get() ? Optional.empty() : Optional.of(items);
    }
}
