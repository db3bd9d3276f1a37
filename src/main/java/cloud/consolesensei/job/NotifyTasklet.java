package cloud.consolesensei.job;

import cloud.consolesensei.notify.SummaryNotifier;

import java.time.Duration;
import java.time.LocalDateTime;

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
 * Notify step: hands the workbooks the report step wrote ({@link RunHandOff}) to the
 * {@link SummaryNotifier}; writes no report of its own. A delivery failure does not fail the job
 * (findings and reports are already written and the .eml is kept): it is recorded in the hand-off
 * and the run exits 4 (3 when it also has coverage gaps).
 */
@Component
public class NotifyTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(NotifyTasklet.class);

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
        RunHandOff handOff = RunHandOff.load(jobContext);
        LocalDateTime start = se.getJobExecution().getStartTime();
        Duration elapsed = start == null ? Duration.ZERO : Duration.between(start, LocalDateTime.now());
        SummaryNotifier.Outcome o = n.notify(ReportTasklet.scope(run, AuditPlan.load(jobContext)),
                handOff.workbookPaths(), request.reportsDir(), request.noEmail(), se.getJobExecution().getId(), elapsed);
        handOff.withNotify(o).store(jobContext);
        log.info("notify: {}", o.message());
        return RepeatStatus.FINISHED;
    }
}
