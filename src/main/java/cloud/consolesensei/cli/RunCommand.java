package cloud.consolesensei.cli;

import cloud.consolesensei.config.ConfigException;
import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.config.DataDirectory;
import cloud.consolesensei.demo.DemoMode;
import cloud.consolesensei.job.AuditRunner;
import cloud.consolesensei.job.ProcessStop;
import cloud.consolesensei.job.RunOutcome;
import cloud.consolesensei.job.RunRequest;
import cloud.consolesensei.job.RunRules;
import cloud.consolesensei.lock.AccountsBusyException;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code run}: runs the audit job now. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the audit job now, for all configured accounts or the ones named.",
                "With no configuration and no AWS credentials (or with --demo) it audits the built-in demo estate."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every account and check audited (informational gaps allowed)", "3:finished with coverage gaps",
                "4:every account and check audited, but an email could not be delivered",
                "1:the job failed", "2:bad usage or configuration (nothing run, nothing written)",
                "130:stopped by SIGINT (Ctrl-C) at the next chunk: the execution is STOPPED, resume it with `restart ID`",
                "143:stopped by SIGTERM at the next chunk: the execution is STOPPED, resume it with `restart ID`"})
public class RunCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Mixin
    AccountOptions accounts;

    @Option(names = "--region", paramLabel = "R", description = "Audit only this region (e.g. eu-west-1); repeatable.")
    List<String> regions = new ArrayList<>();

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = AsOfConverter.class,
            description = "The audit's as-of date, no later than today in consolesensei.schedule.zone (default UTC)"
                    + " and no earlier than the accounts' latest completed run. Default: today.")
    LocalDate asOf;

    @Option(names = "--reports-dir", paramLabel = "DIR", description = "Where report folders go. Default: consolesensei.reports-dir (./reports).")
    Path reportsDir;

    @Option(names = "--no-email", description = "Write the .eml summary, send nothing.")
    boolean noEmail;

    @Option(names = "--demo", description = "Audit the built-in demo estate (no AWS calls).")
    boolean demo;

    @Option(names = "--refresh-costs", description = "Ask Cost Explorer again even for cached periods (each request costs 0.01 USD).")
    boolean refreshCosts;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (!accounts.valid(err)) {
            return 2;
        }
        // regions and --as-of follow RunRules, the API's rules too: checked in AuditRunner.run (exit 2)
        if (reportsDir != null && !usableFolder(reportsDir, err)) {
            return 2;
        }
        return AppContext.run(common, List.of(), err, ctx -> {
            ConsoleSenseiProperties props = ctx.getBean(ConsoleSenseiProperties.class);
            String fresh = ctx.getEnvironment().getProperty(DataDirectory.NEW_HISTORY);
            if (fresh != null) {
                err.println("note: no history in " + fresh + " yet: this run starts one (consolesensei.data-dir; a cron"
                        + " entry or another working folder shares it only with an absolute data-dir, README \"Operations\")");
            }
            if (reportsDir == null && !usableFolder(props.reportsPath(), err)) {
                return 2;
            }
            boolean demoMode = DemoMode.of(demo, props);
            RunRequest request = new RunRequest(UUID.randomUUID().toString(),
                    asOf != null ? asOf : ctx.getBean(RunRules.class).today(), accounts.ids, regions,
                    reportsDir != null ? reportsDir : props.reportsPath(), noEmail, demoMode, refreshCosts);
            ProcessStop stop = ctx.getBean(ProcessStop.class);
            try (Signals.Registration signals = Signals.handle(stop::request)) {
                RunOutcome o = ctx.getBean(AuditRunner.class).run(request, () -> {
                    if (demoMode) out.println("DEMO mode: auditing the built-in demo estate (no AWS calls).");
                });
                Printer.outcome(o, out, err);
                return o.exitCode();
            } catch (ConfigException | AccountsBusyException e) {
                throw e;
            } catch (Exception e) {
                err.println("error: " + e.getMessage());
                return 1;
            }
        });
    }

    /**
     * True when {@code dir} is a writable folder or can be created: its nearest existing ancestor
     * is a writable folder. Otherwise prints why and returns false (bad usage: exit 2).
     */
    static boolean usableFolder(Path dir, PrintWriter err) {
        Path p = dir.toAbsolutePath().normalize();
        Path existing = p;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null || !Files.isDirectory(existing)) {
            err.println("error: reports folder " + dir + ": " + existing + " is a file, not a folder");
            return false;
        }
        if (!Files.isWritable(existing)) {
            err.println("error: reports folder " + dir + ": " + existing + " is not writable");
            return false;
        }
        return true;
    }

    /** Parses {@code --as-of} with a message that says the format. */
    static final class AsOfConverter implements picocli.CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value
                        + "' is not a date: use YYYY-MM-DD, e.g. 2026-11-29");
            }
        }
    }
}
