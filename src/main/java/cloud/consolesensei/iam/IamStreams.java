package cloud.consolesensei.iam;

import java.util.Spliterator;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Stream helpers that keep the IAM sources lazy. */
final class IamStreams {

    private IamStreams() {
    }

    /**
     * A stream whose source is built only when a terminal operation starts (no AWS call happens
     * when {@code read} is called). Unlike {@code Stream.of(x).flatMap(...)}, consuming it through
     * {@code iterator()} pulls one element at a time instead of buffering the whole inner stream.
     */
    static <T> Stream<T> deferred(Supplier<Stream<T>> source) {
        return StreamSupport.stream(() -> source.get().spliterator(), Spliterator.ORDERED, false);
    }
}
