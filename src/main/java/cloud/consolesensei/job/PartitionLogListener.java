package cloud.consolesensei.job;

import cloud.consolesensei.collect.ResourceSource;
import cloud.consolesensei.collect.ServiceModule;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.logging.AwsCallCounter;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts the run, execution, account and region in the logging MDC of each partition's thread (so
 * every line the partition logs names them), and logs one line per partition: account, region,
 * services read, items read, findings written, AWS API calls made, status and duration.
 * A partition runs on one thread, so the thread's {@link AwsCallCounter} is the partition's.
 * Each partition that ends here is also counted, {@code consolesensei_partitions_total{status}}
 * ({@code COMPLETED}, {@code FAILED}, {@code STOPPED}): in remote mode, on the worker that ran it.
 */
@Component
public class PartitionLogListener implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(PartitionLogListener.class);

    private final ObjectProvider<ServiceModule> modules;
    private final MeterRegistry registry;

    public PartitionLogListener(ObjectProvider<ServiceModule> modules, MeterRegistry registry) {
        this.modules = modules;
        this.registry = registry;
        // the series a dashboard reads exist from the start, at zero
        for (BatchStatus s : List.of(BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.STOPPED)) partitions(s);
    }

    @Override
    public void beforeStep(StepExecution se) {
        MDC.put("run", se.getJobParameters().getString("run.id"));
        MDC.put("execution", String.valueOf(se.getJobExecution().getId()));
        MDC.put("account", se.getExecutionContext().getString(PartitionWork.ACCOUNT, ""));
        MDC.put("region", se.getExecutionContext().getString(PartitionWork.REGION, ""));
        AwsCallCounter.reset();
    }

    @Override
    public ExitStatus afterStep(StepExecution se) {
        LocalDateTime start = se.getStartTime();
        long ms = start == null ? 0 : Duration.between(start, LocalDateTime.now()).toMillis();
        String region = se.getExecutionContext().getString(PartitionWork.REGION, "");
        log.info("partition account={} region={} services={} read={} findings={} calls={} status={} duration={}ms",
                se.getExecutionContext().getString(PartitionWork.ACCOUNT, ""), region, services(region),
                se.getReadCount(), se.getExecutionContext().getLong(AuditItemWriter.FINDINGS, 0L),
                AwsCallCounter.count(), se.getStatus(), ms);
        partitions(se.getStatus()).increment();
        MDC.remove("account");
        MDC.remove("region");
        return null;
    }

    private Counter partitions(BatchStatus status) {
        return Counter.builder("consolesensei.partitions").description("Collect partitions ended in this process, by status")
                .tag("status", status.name()).register(registry);
    }

    /** The AWS services whose sources this partition reads, e.g. {@code ec2,autoscaling}. */
    private String services(String region) {
        ResourceSource.Scope scope = Finding.GLOBAL.equals(region)
                ? ResourceSource.Scope.GLOBAL : ResourceSource.Scope.REGIONAL;
        String s = modules.orderedStream().flatMap(m -> m.sources().stream()).filter(x -> x.scope() == scope)
                .map(ResourceSource::service).distinct().collect(Collectors.joining(","));
        return s.isEmpty() ? "-" : s;
    }
}
