package cloud.consolesensei.job;

import cloud.consolesensei.finding.FindingStore;
import cloud.consolesensei.finding.RunTotals;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * After the collect step: findings of the run's accounts that this run did not see are RESOLVED
 * (unless a coverage gap means they could not be seen). Only the run's accounts are touched, so
 * re-running one account leaves the others' history alone; a run limited with {@code --region}
 * leaves the findings of the other regions alone too. The run's figures per account are then
 * settled and stored ({@link RunTotals#store}) for the report, the email and later trends.
 */
@Component
public class ReconcileTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ReconcileTasklet.class);

    private final FindingStore findings;
    private final RunTotals totals;
    private final RunRegistry registry;

    public ReconcileTasklet(FindingStore findings, RunTotals totals, RunRegistry registry) {
        this.findings = findings;
        this.totals = totals;
        this.registry = registry;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var stepExecution = chunkContext.getStepContext().getStepExecution();
        RunRequest request = registry.request(stepExecution.getJobParameters());
        AuditPlan plan = AuditPlan.load(stepExecution.getJobExecution().getExecutionContext());
        int n = findings.resolveUnseen(request.runId(), request.asOf(), plan.allAccountIds(), request.regions());
        log.info("reconcile: {} finding(s) resolved", n);
        totals.store(request.runId(), plan.allAccountIds());
        return RepeatStatus.FINISHED;
    }
}
