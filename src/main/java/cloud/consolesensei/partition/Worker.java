package cloud.consolesensei.partition;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.integration.amqp.inbound.AmqpInboundChannelAdapter;

/**
 * The {@code worker} command's life: {@link #start(String)} begins taking partitions; on SIGTERM (the
 * application context closing) it stops taking new ones, lets the running ones finish within
 * {@code spring.lifecycle.timeout-per-shutdown-phase} (default 30 s), gives back the ones still
 * waiting for a lock, and, if a partition is still running after that, halts the JVM at once: its
 * request was never acknowledged, so RabbitMQ gives it to another worker, which resumes it from its
 * last committed chunk, exactly as after a crash; nothing half-done is written on the way out.
 */
public class Worker implements ApplicationListener<ContextClosedEvent> {

    /** Exit status of a worker that gave back a running partition on SIGTERM (128 + 15). */
    static final int GAVE_BACK = 143;

    private static final Logger log = LoggerFactory.getLogger(Worker.class);

    private final AmqpInboundChannelAdapter inbound;
    private final PartitionRequestHandler handler;
    private final String broker;
    private final int consumers;
    private final Duration grace;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean taking;

    Worker(AmqpInboundChannelAdapter inbound, PartitionRequestHandler handler, String broker, int consumers, Duration grace) {
        this.grace = grace;
        this.inbound = inbound;
        this.handler = handler;
        this.broker = broker;
        this.consumers = consumers;
    }

    /**
     * Starts consuming partition requests; returns at once.
     *
     * @param managementPort the port its health and metrics are served on, or null when HTTP is off
     */
    public void start(String managementPort) {
        inbound.start();
        taking = true;
        log.info("worker: taking collect partitions from queue {} at {}, up to {} at once (consolesensei.aws.concurrency);"
                + " {}", PartitionMessages.QUEUE, broker, consumers, managementPort == null
                ? "no HTTP (management.server.port: -1)"
                : "GET /actuator/health and /actuator/prometheus on port " + managementPort + " (management.server.port)");
    }

    /**
     * True while the worker takes partition requests: after {@link #start(String)}, before it begins to stop
     * (its health's {@code worker} component, see {@link WorkerManagement}).
     */
    public boolean taking() {
        return taking && inbound.isRunning();
    }

    /** Blocks until the worker has stopped (SIGTERM, or the context closed). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        taking = false;
        handler.stopping();
        int running = handler.running();
        if (running > 0) log.info("worker: stopping; waiting up to {} for {} running partition(s) to finish", grace, running);
        // wait here rather than in the listener container's stop, which would interrupt the partitions'
        // threads: an interrupted read is recorded as a coverage gap, and a given-back partition must
        // leave nothing behind
        long deadline = System.nanoTime() + grace.toNanos();
        while (handler.running() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        running = handler.running();
        if (running > 0) {
            log.warn("worker: {} partition(s) still running after the shutdown grace: giving them back to RabbitMQ;"
                    + " another worker resumes them from their last committed chunk", running);
            Runtime.getRuntime().halt(GAVE_BACK);
        }
        inbound.stop();
        log.info("worker: stopped");
        stopped.countDown();
    }
}
