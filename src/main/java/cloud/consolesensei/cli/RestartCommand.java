package cloud.consolesensei.cli;

import cloud.consolesensei.config.ConfigException;
import cloud.consolesensei.job.AuditRunner;
import cloud.consolesensei.job.ProcessStop;
import cloud.consolesensei.job.RunOutcome;
import cloud.consolesensei.lock.AccountsBusyException;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code restart EXECUTION_ID}: resumes a failed, stopped or interrupted execution. */
@Command(name = "restart", mixinStandardHelpOptions = true,
        description = {"Restart a failed or stopped job execution from where it stopped (its last committed chunk).",
                "An execution left running by a killed process is marked FAILED first, then restarted."})
public class RestartCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXECUTION_ID", description = "Job execution id, as `runs` lists it.")
    long executionId;

    @Override
    public Integer call() {
        return AppContext.run(common, List.of(), spec.commandLine().getErr(), ctx -> {
            try (Signals.Registration signals = Signals.handle(ctx.getBean(ProcessStop.class)::request)) {
                RunOutcome o = ctx.getBean(AuditRunner.class).restart(executionId);
                Printer.outcome(o, spec.commandLine().getOut(), spec.commandLine().getErr());
                return o.exitCode();
            } catch (ConfigException | AccountsBusyException e) {
                throw e;
            } catch (Exception e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return 1;
            }
        });
    }
}
