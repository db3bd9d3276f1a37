package cloud.consolesensei.report;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands items from the thread that reads them (the report step's thread, which holds the database
 * transaction) to one worker thread that consumes them, so reading the findings store and writing
 * the workbook use two cores. The queue is bounded ({@link #BATCHES} batches of {@link #BATCH} items):
 * a reader ahead of the worker waits, so memory stays flat. Items are consumed in the order given.
 * <p>
 * A failure of the worker is rethrown to the reader at its next {@link #accept} or at {@link #finish};
 * closing without {@link #finish} (the reader failed) stops the worker and discards what is queued.
 *
 * @param <T> the item type
 */
final class HandOff<T> implements Consumer<T>, AutoCloseable {

    static final int BATCH = 512;
    static final int BATCHES = 8;

    private static final List<Object> END = List.of();

    private final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(BATCHES);
    private final Thread worker;
    private volatile Throwable failure;
    private List<Object> batch = new ArrayList<>(BATCH);
    private boolean finished;

    /**
     * Starts the worker thread.
     *
     * @param name     the worker thread's name (shown in thread dumps)
     * @param consumer what the worker does with each item
     */
    HandOff(String name, Consumer<T> consumer) {
        worker = new Thread(() -> drain(consumer), name);
        worker.setDaemon(true);
        worker.start();
    }

    @SuppressWarnings("unchecked")
    private void drain(Consumer<T> consumer) {
        try {
            for (List<Object> b = queue.take(); b != END; b = queue.take()) {
                for (Object item : b) consumer.accept((T) item);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure = t;
            queue.clear(); // unblocks a reader waiting to put
        }
    }

    /** Queues {@code item}; waits while the worker is {@link #BATCHES} batches behind. */
    @Override
    public void accept(T item) {
        batch.add(item);
        if (batch.size() == BATCH) put(batch);
    }

    /**
     * Waits until the worker has consumed every item.
     *
     * @throws RuntimeException the worker's failure (an Error is rethrown as is)
     */
    void finish() {
        if (!batch.isEmpty()) put(batch);
        put(END);
        join();
        finished = true;
        rethrow();
    }

    private void put(List<Object> b) {
        rethrow();
        try {
            while (!queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
                if (!worker.isAlive()) throw new IllegalStateException(worker.getName() + " stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing rows to " + worker.getName(), e);
        }
        batch = new ArrayList<>(BATCH);
    }

    private void join() {
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + worker.getName(), e);
        }
    }

    private void rethrow() {
        Throwable t = failure;
        if (t == null) return;
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        throw new IllegalStateException(t);
    }

    /** Stops the worker if {@link #finish} was not reached (the reader failed). */
    @Override
    public void close() {
        if (finished) return;
        worker.interrupt();
        join();
    }
}
