package cloud.consolesensei.cli;

import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.demo.DemoMode;
import cloud.consolesensei.doctor.Doctor;
import cloud.consolesensei.doctor.NeededActions;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code doctor}: checks credentials, roles, regions and every permission the enabled checks need. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check the base credentials, each account's role, its enabled regions and, with one cheap "
                + "read-only call per IAM action, every permission the enabled checks need; print which checks cannot run, "
                + "the missing action and the policy that grants it.",
                "The two Cost Explorer probes cost 0.01 USD each per account."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything the enabled checks need is allowed", "3:something is missing or failed",
                "2:bad usage or configuration"})
public class DoctorCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Mixin
    AccountOptions accounts;

    @Option(names = "--demo", description = "Diagnose the built-in demo estate (no AWS calls).")
    boolean demo;

    @Option(names = "--policy", description = "Print the least-privilege IAM policy (JSON) the enabled checks need, and exit (no AWS calls).")
    boolean policy;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (!accounts.valid(err)) {
            return 2;
        }
        return AppContext.runWithoutDatabase(common, err, ctx -> {
            if (policy) {
                out.println(ctx.getBean(NeededActions.class).policy());
                out.flush();
                return 0;
            }
            ConsoleSenseiProperties props = ctx.getBean(ConsoleSenseiProperties.class);
            boolean demoMode = DemoMode.of(demo, props);
            return ctx.getBean(Doctor.class).diagnose(accounts.ids, demoMode, out);
        });
    }
}
