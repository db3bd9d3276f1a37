package cloud.consolesensei.iam;

import java.time.Duration;

/** Waits between polls; injectable so tests do not wait. */
@FunctionalInterface
public interface Sleeper {

    /** The real one: {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

    /** Waits {@code duration}. @throws InterruptedException when the thread is interrupted */
    void sleep(Duration duration) throws InterruptedException;
}
