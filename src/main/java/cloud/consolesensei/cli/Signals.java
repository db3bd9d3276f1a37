package cloud.consolesensei.cli;

import cloud.consolesensei.job.ProcessStop;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import sun.misc.Signal;

/**
 * SIGINT and SIGTERM for the command line's JVM. The JVM's default is to run the shutdown hooks at
 * once, and H2 (whose automatic mixed mode needs its own shutdown hook) would close the embedded
 * database under a job that is still stopping. Instead, while a command has registered a handler
 * ({@link #handle}), the first signal is handed to it on a thread of its own and the command ends
 * by itself (a run stops at its next chunk, STOPPED, exit 130/143); a second signal, or one that
 * comes while nothing is registered, exits at once with 128 + the signal number.
 *
 * <p>{@code sun.misc.Signal} (module {@code jdk.unsupported}) is the JDK's only way to replace the
 * default action of a signal; it is installed by {@code main} only, never in tests that run the
 * command line in-process.
 */
public final class Signals {

    private static volatile Consumer<ProcessStop.Signal> handler;
    private static final AtomicBoolean seen = new AtomicBoolean();

    private Signals() {
    }

    /** Replaces the JVM's default action for SIGINT and SIGTERM (call once, from {@code main}). */
    public static void install() {
        for (ProcessStop.Signal s : ProcessStop.Signal.values()) {
            Signal.handle(new Signal(s.name()), sig -> received(s));
        }
    }

    private static void received(ProcessStop.Signal s) {
        Consumer<ProcessStop.Signal> h = handler;
        if (h == null || !seen.compareAndSet(false, true)) {
            System.exit(s.exitCode());
            return;
        }
        System.err.println("SIG" + s + " received: stopping at the next chunk (send it again to quit at once)");
        Thread t = new Thread(() -> h.accept(s), "stop-on-SIG" + s);
        t.setDaemon(true);
        t.start();
    }

    /**
     * Hands signals to {@code onSignal} until the returned handle is closed.
     *
     * @param onSignal what the command does to end early and cleanly
     */
    public static Registration handle(Consumer<ProcessStop.Signal> onSignal) {
        handler = onSignal;
        return () -> handler = null;
    }

    /** A registered handler; closing it restores the immediate exit. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
