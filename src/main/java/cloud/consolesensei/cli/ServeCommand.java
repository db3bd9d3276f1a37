package cloud.consolesensei.cli;

import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.demo.DemoMode;
import cloud.consolesensei.schedule.AuditScheduler;
import cloud.consolesensei.web.ServeMode;
import cloud.consolesensei.web.security.ConsoleUsers;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code serve}: long-running; serves the web console, the JSON API and the actuator endpoints, and
 * runs the audit job on its cron until SIGTERM (see {@link AuditScheduler} for cluster safety and the
 * graceful stop). {@code --demo} with no user configured binds 127.0.0.1 only and prints a one-time
 * password for the user {@code demo}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Long-running: the web console and JSON API on server.port (default 8080; users in"
                + " consolesensei.web.users, see the README), /actuator/health and /actuator/prometheus, and the jobs"
                + " on their cron schedules (consolesensei.schedule.audit, default"
                + " '0 0 2 * * *', in consolesensei.schedule.zone, default UTC).",
                "Several instances may share one PostgreSQL database: each scheduled run happens once (ShedLock).",
                "SIGTERM stops gracefully: a running job execution is stopped at its next chunk and can be resumed"
                + " with `restart ID`."})
public class ServeCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--demo", description = {"Audit the built-in demo estate (no AWS calls). With no web user configured:"
            + " listen on 127.0.0.1 only and print a one-time password for the user demo (ADMIN)."})
    boolean demo;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        ServeMode mode = new ServeMode(demo);
        return AppContext.run(common, List.of("--spring.main.web-application-type=servlet"), spec.commandLine().getErr(),
                app -> app.addInitializers(c -> c.getBeanFactory().registerSingleton("serveMode", mode)), ctx -> {
            ConsoleSenseiProperties props = ctx.getBean(ConsoleSenseiProperties.class);
            boolean demoMode = DemoMode.of(demo, props);
            mode.demoEstate(demoMode);
            if (demoMode) out.println("DEMO mode: auditing the built-in demo estate (no AWS calls).");
            out.println(webLine(ctx));
            AuditScheduler scheduler = ctx.getBean(AuditScheduler.class);
            Instant next = scheduler.start(demoMode);
            out.println("serve: audit cron '" + props.schedule().audit() + "' (" + props.schedule().zone()
                    + "), next run at " + next.atZone(ZoneId.of(props.schedule().zone())).toOffsetDateTime());
            out.flush();
            // SIGINT/SIGTERM: stop the schedule and a running execution (STOPPED at its next chunk) before the JVM
            // and the embedded database shut down
            try (Signals.Registration signals = Signals.handle(signal -> scheduler.stop())) {
                scheduler.awaitStop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        });
    }

    /**
     * The one line about the web console: where it is (with the demo user's one-time password, the
     * only time it is shown), or that it is off for want of users.
     */
    static String webLine(ConfigurableApplicationContext ctx) {
        int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
        ConsoleUsers users = ctx.getBean(ConsoleUsers.class);
        if (users.demoPassword().isPresent()) {
            return "web console: http://127.0.0.1:" + port + "/ user " + ConsoleUsers.DEMO_USER + " password "
                    + users.demoPassword().get();
        }
        if (!users.enabled()) {
            return "web console and API off: no consolesensei.web.users and no OIDC client configured"
                    + " (GET /actuator/health only, port " + port + ")";
        }
        String host = ctx.getEnvironment().getProperty("server.address", "localhost");
        return "web console: http://" + host + ":" + port + "/";
    }
}
