package cloud.consolesensei.job;

import cloud.consolesensei.notify.SummaryNotifier;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Notify step: hands the written reports to the {@link SummaryNotifier}. A delivery failure does
 * not fail the job (findings and reports are already written and the .eml is kept): it is recorded
 * in the job execution context and the run exits 4 (3 when it also has coverage gaps).
 */
@Component
public class NotifyTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(NotifyTasklet.class);

    /** Job execution context key: "true" when email delivery failed. */
    public static final String FAILED = "notify.failed";
    /** Job execution context key: the notifier's one-line outcome, printed by the CLI. */
    public static final String MESSAGE = "notify.message";
    /** Job execution context key: files the notifier wrote, one per line. */
    public static final String WRITTEN = "notify.paths";

    private final RunRegistry registry;
    private final ObjectProvider<SummaryNotifier> notifier;

    public NotifyTasklet(RunRegistry registry, ObjectProvider<SummaryNotifier> notifier) {
        this.registry = registry;
        this.notifier = notifier;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        SummaryNotifier n = notifier.getIfAvailable();
        if (n == null) return RepeatStatus.FINISHED;
        var se = chunkContext.getStepContext().getStepExecution();
        RunRequest request = registry.request(se.getJobParameters());
        RunResources run = registry.resources(request);
        ExecutionContext jobContext = se.getJobExecution().getExecutionContext();
        List<Path> reports = Arrays.stream(jobContext.getString(ReportTasklet.REPORTS, "").split("\n"))
                .filter(s -> !s.isBlank()).map(Path::of).toList();
        LocalDateTime start = se.getJobExecution().getStartTime();
        Duration elapsed = start == null ? Duration.ZERO : Duration.between(start, LocalDateTime.now());
        SummaryNotifier.Outcome o = n.notify(ReportTasklet.scope(run, AuditPlan.load(jobContext)), reports,
                request.reportsDir(), request.noEmail(), se.getJobExecution().getId(), elapsed);
        jobContext.putString(WRITTEN, String.join("\n", o.written().stream().map(Path::toString).toList()));
        jobContext.putString(FAILED, Boolean.toString(o.deliveryFailed()));
        jobContext.putString(MESSAGE, o.message());
        log.info("notify: {}", o.message());
        return RepeatStatus.FINISHED;
    }
}
