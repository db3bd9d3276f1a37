package cloud.consolesensei.usage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Groups a lazy stream into batches, so one API call serves many items while memory stays bounded
 * by the batch: items are buffered while their weight (e.g. metric queries) stays within
 * {@code maxWeight} or {@code maxItems} items are held, then {@code enrich} turns the batch into
 * output items, in order. Nothing is read from the source before the output is consumed.
 */
public final class Batches {

    private Batches() {
    }

    /**
     * @param items     the source stream (closed with the result)
     * @param weight    an item's weight (0 for items that need nothing)
     * @param maxWeight most weight one batch holds (an item heavier alone is a batch of its own)
     * @param maxItems  items at which a batch is complete whatever their weight
     * @param enrich    makes the output of one batch, same order
     */
    public static <T, R> Stream<R> of(Stream<T> items, ToIntFunction<T> weight, int maxWeight, int maxItems,
                                      Function<List<T>, List<R>> enrich) {
        Iterator<T> source = items.iterator();
        Iterator<List<T>> batches = new Iterator<>() {
            private T held; // read but not taken: it would have made the batch heavier than maxWeight
            private boolean holding;

            @Override
            public boolean hasNext() {
                return holding || source.hasNext();
            }

            @Override
            public List<T> next() {
                if (!hasNext()) throw new NoSuchElementException();
                List<T> batch = new ArrayList<>();
                int w = 0;
                while ((holding || source.hasNext()) && batch.size() < maxItems) {
                    T t = holding ? held : source.next();
                    int tw = weight.applyAsInt(t);
                    if (!batch.isEmpty() && w + tw > maxWeight) {
                        held = t;
                        holding = true;
                        break;
                    }
                    holding = false;
                    held = null;
                    batch.add(t);
                    w += tw;
                }
                return batch;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(batches, Spliterator.ORDERED), false)
                .onClose(items::close)
                .flatMap(b -> enrich.apply(b).stream());
    }
}
