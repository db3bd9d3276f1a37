package cloud.consolesensei.job;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.report.ReportScope;
import cloud.consolesensei.report.ReportService;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

/**
 * Report step: writes the workbook and CSVs of the run's scope and records their paths in the job
 * execution context ({@link #REPORTS}, one path per line) for the notify step and the CLI.
 */
@Component
public class ReportTasklet implements Tasklet {

    /** Job execution context key of the written report paths. */
    public static final String REPORTS = "report.paths";

    private final RunRegistry registry;
    private final ReportService reports;

    public ReportTasklet(RunRegistry registry, ReportService reports) {
        this.registry = registry;
        this.reports = reports;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var se = chunkContext.getStepContext().getStepExecution();
        RunRequest request = registry.request(se.getJobParameters());
        RunResources run = registry.resources(request);
        ExecutionContext jobContext = se.getJobExecution().getExecutionContext();
        ReportScope scope = scope(run, AuditPlan.load(jobContext));
        List<Path> files = reports.write(scope, request.reportsDir(), run.suppressions(), run.prices());
        jobContext.putString(REPORTS, String.join("\n", files.stream().map(Path::toString).toList()));
        return RepeatStatus.FINISHED;
    }

    /** The report scope of a run: its accounts (reachable or not) in configuration order. */
    static ReportScope scope(RunResources run, AuditPlan plan) {
        Set<String> ids = new HashSet<>(plan.allAccountIds());
        List<AccountTarget> accounts = run.accounts().stream().filter(a -> ids.contains(a.id())).toList();
        return new ReportScope(run.request().runId(), run.scope(), accounts, run.request().asOf(),
                run.request().demo());
    }
}
