package cloud.consolesensei.job;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Stops the job executions running in this process when the process is asked to end (SIGINT,
 * SIGTERM): each ends STOPPED at its next chunk boundary ({@link JobOperator#stop}), restartable
 * with {@code restart ID}, and the command exits 130 (SIGINT) or 143 (SIGTERM) as README
 * lists. A signal that comes before the execution starts stops it before its first step.
 */
@Component
public class ProcessStop implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ProcessStop.class);

    /** A signal this process handles, with the exit code of a run it stopped (128 + signal number). */
    public enum Signal {
        INT(130), TERM(143);

        private final int exitCode;

        Signal(int exitCode) {
            this.exitCode = exitCode;
        }

        /** 130 for SIGINT, 143 for SIGTERM. */
        public int exitCode() {
            return exitCode;
        }
    }

    private final JobOperator operator;
    private final Set<JobExecution> running = ConcurrentHashMap.newKeySet();
    private volatile Signal requested;

    public ProcessStop(@Lazy JobOperator operator) {
        this.operator = operator;
    }

    /** Stops every execution running in this process, and any that starts from now on. */
    public void request(Signal signal) {
        requested = signal;
        for (JobExecution e : running) stop(e);
    }

    /** The signal that stopped this process's runs, if any. */
    public Optional<Signal> requested() {
        return Optional.ofNullable(requested);
    }

    @Override
    public void beforeJob(JobExecution execution) {
        running.add(execution);
        if (requested != null) stop(execution);
    }

    @Override
    public void afterJob(JobExecution execution) {
        running.remove(execution);
    }

    private void stop(JobExecution e) {
        try {
            log.info("SIG{}: stopping job execution {} at its next chunk; resume it with `restart {}`", requested, e.getId(),
                    e.getId());
            operator.stop(e);
        } catch (Exception ex) {
            // already ending: nothing left to stop
            log.warn("SIG{}: could not stop job execution {}: {}", requested, e.getId(), ex.toString());
        }
    }
}
