package cloud.consolesensei.schedule;

import java.time.Instant;
import java.time.ZoneId;

import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.support.CronTrigger;

/**
 * A {@link CronTrigger} in a time zone that remembers the fire time it computed last, so the task
 * it triggers knows which scheduled instant it is running for (the run id and as-of date are
 * derived from it, identically on every instance of a cluster).
 */
final class FireTimeTrigger implements Trigger {

    private final CronTrigger cron;
    private volatile Instant scheduled;

    FireTimeTrigger(String expression, ZoneId zone) {
        this.cron = new CronTrigger(expression, zone);
    }

    @Override
    public Instant nextExecution(TriggerContext context) {
        Instant next = cron.nextExecution(context);
        scheduled = next;
        return next;
    }

    /** The instant of the fire being executed (the last one computed). */
    Instant scheduled() {
        return scheduled;
    }
}
