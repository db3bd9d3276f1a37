package cloud.consolesensei.job;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.notify.SummaryNotifier;
import cloud.consolesensei.report.ReportScope;
import cloud.consolesensei.report.ReportService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Report step: writes the workbook and CSVs of the run's scope, and the one-account workbooks the
 * email summaries attach ({@link SummaryNotifier#ownWorkbooks}), with the run's suppressions and
 * prices; hands their paths on in the job execution context ({@link RunHandOff}) to the notify step
 * and the CLI.
 */
@Component
public class ReportTasklet implements Tasklet {

    private final RunRegistry registry;
    private final ReportService reports;
    private final ObjectProvider<SummaryNotifier> notifier;

    public ReportTasklet(RunRegistry registry, ReportService reports, ObjectProvider<SummaryNotifier> notifier) {
        this.registry = registry;
        this.reports = reports;
        this.notifier = notifier;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var se = chunkContext.getStepContext().getStepExecution();
        RunRequest request = registry.request(se.getJobParameters());
        RunResources run = registry.resources(request);
        ExecutionContext jobContext = se.getJobExecution().getExecutionContext();
        AuditPlan plan = AuditPlan.load(jobContext);
        ReportScope scope = scope(run, plan);
        List<Path> files = new ArrayList<>(reports.write(scope, request.reportsDir(), run.suppressions(), run.prices()));
        Map<String, Path> workbooks = new LinkedHashMap<>();
        workbooks.put(scope.scope(), files.get(0));
        SummaryNotifier n = notifier.getIfAvailable();
        for (ReportScope one : n == null ? List.<ReportScope>of() : n.ownWorkbooks(scope, Set.copyOf(plan.unreachable()))) {
            Path wb = reports.writeWorkbook(one, request.reportsDir(), run.suppressions(), run.prices());
            workbooks.put(one.scope(), wb);
            files.add(wb);
        }
        RunHandOff.load(jobContext).withReports(files, workbooks).store(jobContext);
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
