package cloud.consolesensei.cli;

import cloud.consolesensei.config.ConfigValidator;
import cloud.consolesensei.partition.Worker;
import cloud.consolesensei.partition.WorkerManagement;

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
                "Serves GET /actuator/health (database, broker, worker) and /actuator/prometheus, no login, on"
                + " management.server.port (default " + WorkerManagement.DEFAULT_PORT + "; -1: no HTTP); no console, no API.",
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
        return AppContext.run(common, List.of(), spec.commandLine().getErr(), app -> {
                    app.setAdditionalProfiles(ConfigValidator.WORKER_PROFILE);
                    app.addListeners(WorkerManagement.managementPortOnly());
                }, ctx -> {
                    Worker worker = ctx.getBean(Worker.class);
                    // the port Spring Boot's management server bound (management.server.port may be 0)
                    worker.start(ctx.getEnvironment().getProperty("local.management.port"));
                    try {
                        worker.awaitStop();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return 0;
                });
    }
}
