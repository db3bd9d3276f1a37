package cloud.consolesensei.job;

import cloud.consolesensei.collect.InventoryStore;
import cloud.consolesensei.collect.ServiceModule;
import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.coverage.CoverageStore;
import cloud.consolesensei.finding.FindingStore;
import cloud.consolesensei.metrics.RunMetrics;
import cloud.consolesensei.retention.RetentionListener;

import java.util.List;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code audit} job (README, "Design"): plan -> collect (partitioned per account and region;
 * reader -> processor -> writer in chunks) -> reconcile -> report -> notify.
 */
@Configuration
public class AuditJobConfig {

    /** The job's name in the job repository. */
    public static final String JOB = "audit";

    /** Items per chunk (one transaction, one restart point). */
    static final int CHUNK = 100;

    @Bean
    Job auditJob(JobRepository repo, Step planStep, Step collectStep, Step reconcileStep, Step reportStep,
                 Step notifyStep, RunLifecycleListener lifecycle, ExecutionRecorder recorder,
                 RunMetrics metrics, ProcessStop processStop, RetentionListener retention) {
        // afterJob runs in reverse order: retention last, once the execution's end is stored
        return new JobBuilder(JOB, repo).listener(retention).listener(lifecycle).listener(recorder).listener(metrics).listener(processStop)
                .start(planStep).next(collectStep).next(reconcileStep).next(reportStep).next(notifyStep)
                .build();
    }

    @Bean
    Step planStep(JobRepository repo, PlatformTransactionManager tx, PlanTasklet tasklet, StepCpuLog cpu) {
        return new StepBuilder("plan", repo).listener(cpu).tasklet(tasklet, tx).build();
    }

    /**
     * Local mode: the partitions run on up to {@code consolesensei.aws.concurrency} threads of this
     * JVM. Remote mode: a {@link PartitionHandler} of the partition package sends them to the
     * workers and waits for them in the job repository.
     */
    @Bean
    Step collectStep(JobRepository repo, Step collectWorker, Partitioner accountPartitioner, ConsoleSenseiProperties props,
                     ObjectProvider<PartitionHandler> remote, StepCpuLog cpu) {
        PartitionHandler handler = remote.getIfAvailable();
        if (handler != null) {
            return new StepBuilder("collect", repo).listener(cpu).partitioner("collect.partition", accountPartitioner)
                    .partitionHandler(handler).build();
        }
        // no queue: a submitter waits for a free worker, so memory is bounded by the concurrency
        SimpleAsyncTaskExecutor workers = new SimpleAsyncTaskExecutor("collect-");
        workers.setConcurrencyLimit(props.aws().concurrency());
        return new StepBuilder("collect", repo).listener(cpu)
                .partitioner("collect.partition", accountPartitioner)
                .step(collectWorker)
                .taskExecutor(workers)
                .gridSize(props.aws().concurrency())
                .build();
    }

    @Bean
    @StepScope
    Partitioner accountPartitioner(@Value("#{stepExecution}") StepExecution stepExecution) {
        return new AccountPartitioner(AuditPlan.load(stepExecution.getJobExecution().getExecutionContext()));
    }

    @Bean
    Step collectWorker(JobRepository repo, PlatformTransactionManager tx, AuditItemReader collectReader,
                       AuditItemProcessor collectProcessor, AuditItemWriter collectWriter, AccountThrottle throttle,
                       PartitionLogListener logging, PartitionUsage usage) {
        return new StepBuilder("collect.partition", repo).<CollectedItem, AuditedItem>chunk(CHUNK)
                .transactionManager(tx)
                .reader(collectReader)
                .processor(collectProcessor)
                .writer(collectWriter)
                .stream(usage)
                .listener(throttle)
                .listener(logging)
                .build();
    }

    @Bean
    @StepScope
    PartitionWork partitionWork(@Value("#{stepExecution}") StepExecution stepExecution, RunRegistry registry,
                                List<ServiceModule> modules, CoverageStore coverage) {
        return PartitionWork.of(stepExecution, registry, modules, coverage);
    }

    @Bean
    @StepScope
    AuditItemReader collectReader(PartitionWork partitionWork) {
        return new AuditItemReader(partitionWork);
    }

    @Bean
    @StepScope
    AuditItemProcessor collectProcessor(PartitionWork partitionWork) {
        return new AuditItemProcessor(partitionWork);
    }

    @Bean
    @StepScope
    AuditItemWriter collectWriter(PartitionWork partitionWork, FindingStore findings, InventoryStore inventory) {
        return new AuditItemWriter(partitionWork, findings, inventory);
    }

    @Bean
    Step reconcileStep(JobRepository repo, PlatformTransactionManager tx, ReconcileTasklet tasklet, StepCpuLog cpu) {
        return new StepBuilder("reconcile", repo).listener(cpu).tasklet(tasklet, tx).build();
    }

    @Bean
    Step reportStep(JobRepository repo, PlatformTransactionManager tx, ReportTasklet tasklet, StepCpuLog cpu) {
        return new StepBuilder("report", repo).listener(cpu).tasklet(tasklet, tx).build();
    }

    @Bean
    Step notifyStep(JobRepository repo, PlatformTransactionManager tx, NotifyTasklet tasklet, StepCpuLog cpu) {
        return new StepBuilder("notify", repo).listener(cpu).tasklet(tasklet, tx).build();
    }
}
