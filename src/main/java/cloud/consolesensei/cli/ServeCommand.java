package cloud.consolesensei.cli;

import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.schedule.AuditScheduler;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code serve}: long-running; runs the audit job on its cron until SIGTERM (see
 * {@link AuditScheduler} for cluster safety and the graceful stop).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Long-running: run the jobs on their cron schedules (consolesensei.schedule.audit, default"
                + " '0 0 2 * * *', in consolesensei.schedule.zone, default UTC).",
                "Several instances may share one PostgreSQL database: each scheduled run happens once (ShedLock).",
                "SIGTERM stops gracefully: a running job execution is stopped at its next chunk and can be resumed"
                + " with `restart ID`."})
public class ServeCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--demo", description = "Audit the built-in demo estate (no AWS calls).")
    boolean demo;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        return AppContext.run(common, List.of(), spec.commandLine().getErr(), ctx -> {
            ConsoleSenseiProperties props = ctx.getBean(ConsoleSenseiProperties.class);
            boolean demoMode = RunCommand.demoMode(demo, props);
            if (demoMode) out.println("DEMO mode: auditing the built-in demo estate (no AWS calls).");
            AuditScheduler scheduler = ctx.getBean(AuditScheduler.class);
            Instant next = scheduler.start(demoMode);
            out.println("serve: audit cron '" + props.schedule().audit() + "' (" + props.schedule().zone()
                    + "), next run at " + next.atZone(ZoneId.of(props.schedule().zone())).toOffsetDateTime());
            out.flush();
            try {
                scheduler.awaitStop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        });
    }
}
