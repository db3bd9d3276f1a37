package cloud.consolesensei.cli;

import cloud.consolesensei.config.ConfigValidator;
import cloud.consolesensei.partition.Worker;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code worker}: long-running; runs the collect partitions a manager in remote mode sends over
 * RabbitMQ (README, "Scaling out: remote partitioning"). Starts no job of its own.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Long-running: run the collect partitions that a manager (run or serve with"
                + " consolesensei.partitioning.mode: remote) sends over RabbitMQ (spring.rabbitmq.*).",
                "Needs the manager's configuration and its PostgreSQL database (spring.datasource.*).",
                "Runs up to consolesensei.aws.concurrency partitions at once, at most"
                + " consolesensei.aws.concurrency-per-account of one account across all workers.",
                "SIGTERM: takes no new partition, lets the running ones finish within"
                + " spring.lifecycle.timeout-per-shutdown-phase (30s), and gives back the rest to another worker."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "1:RabbitMQ or the database unreachable at start",
                "2:bad configuration (e.g. not PostgreSQL)", "143:stopped by SIGTERM, running partitions given back"})
public class WorkerCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return AppContext.run(common, List.of("--management.health.rabbit.enabled=true"), spec.commandLine().getErr(),
                app -> app.setAdditionalProfiles(ConfigValidator.WORKER_PROFILE), ctx -> {
                    Worker worker = ctx.getBean(Worker.class);
                    worker.start();
                    try {
                        worker.awaitStop();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return 0;
                });
    }
}
