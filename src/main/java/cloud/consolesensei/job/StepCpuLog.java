package cloud.consolesensei.job;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.management.OperatingSystemMXBean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Logs one line when each of the job's steps (plan, collect, reconcile, report, notify) ends: its
 * wall time and the CPU time (user + system, milliseconds) this whole process used meanwhile, e.g.
 * {@code step collect ended: status=COMPLETED wall=95123ms cpu=160450ms}. What a step costs the
 * machine, step by step; the benchmark reads the collect step's CPU from it. The CPU figure is the
 * process's, so it includes whatever else the process did at the same time (another run, the web
 * console); on a JVM that does not report process CPU time it is {@code -1}.
 */
@Component
public class StepCpuLog implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(StepCpuLog.class);

    /** Process CPU nanoseconds and wall nanoseconds at each running step execution's start. */
    private final Map<Long, long[]> started = new ConcurrentHashMap<>();

    @Override
    public void beforeStep(StepExecution stepExecution) {
        started.put(stepExecution.getId(), new long[] {processCpuNanos(), System.nanoTime()});
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        long[] at = started.remove(stepExecution.getId());
        if (at != null) {
            long cpu = processCpuNanos();
            log.info("step {} ended: status={} wall={}ms cpu={}ms", stepExecution.getStepName(), stepExecution.getStatus(),
                    (System.nanoTime() - at[1]) / 1_000_000, cpu < 0 || at[0] < 0 ? -1 : (cpu - at[0]) / 1_000_000);
        }
        return null;
    }

    /** CPU time of this process in nanoseconds, or -1 when the JVM does not say. */
    static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        return os == null ? -1 : os.getProcessCpuTime();
    }
}
