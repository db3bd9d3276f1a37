package cloud.consolesensei.doctor;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsClients;
import cloud.consolesensei.aws.Regions;
import cloud.consolesensei.config.ConfigException;
import cloud.consolesensei.config.ConfigValidator;
import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.job.AccountSelection;
import cloud.consolesensei.job.RunRegistry;
import cloud.consolesensei.job.RunRequest;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

/**
 * The {@code doctor} command's course (README): checks, in order, the base identity
 * (sts:GetCallerIdentity), each account's role (AssumeRole, through GetCallerIdentity with the
 * role's session), the account's enabled regions (ec2:DescribeRegions), then every IAM action the
 * enabled checks need (CheckDefinition#iamActions) with one cheap read-only probe call
 * ({@link Probes}); prints a table action -> OK / DENIED / ERROR with the checks each missing action
 * disables, and the least-privilege policy to grant. What to probe is {@link NeededActions}', the calls
 * {@link AccountProbes}', the printing {@link DoctorReport}'s.
 * <p>
 * Exit codes: 0 everything needed is allowed; 3 something is missing or failed; a bad
 * {@code --account} is a {@link ConfigException} (2).
 */
@Service
public class Doctor {

    private final NeededActions needed;
    private final ConfigValidator validator;
    private final ConsoleSenseiProperties props;
    private final RunRegistry registry;

    public Doctor(NeededActions needed, ConfigValidator validator, ConsoleSenseiProperties props, RunRegistry registry) {
        this.needed = needed;
        this.validator = validator;
        this.props = props;
        this.registry = registry;
    }

    /**
     * Runs the diagnosis and prints it to {@code out}.
     *
     * @param accountIds accounts to diagnose, empty = all configured
     * @param demo       against the demo estate's fakes
     * @return 0 when everything needed is allowed, else 3
     * @throws ConfigException for an account id that is not configured
     */
    public int diagnose(List<String> accountIds, boolean demo, PrintWriter out) {
        validator.validate();
        List<AccountTarget> all = registry.known(demo);
        // nothing configured (and no demo): the base identity's own account is diagnosed, whatever was named
        List<AccountTarget> selected = all.isEmpty() ? all : AccountSelection.select("--account", all, accountIds);
        String home = props.aws().stsHomeRegion();
        Map<String, List<String>> actions = needed.byAction();
        DoctorReport report = new DoctorReport(out);
        boolean ok = true;
        try (AwsClients clients = clients(demo)) {
            if (demo) report.demo();
            AccountTarget baseProbe = new AccountTarget(all.isEmpty() ? "000000000000" : all.get(0).id(), "base identity",
                    null, null, List.of(home), List.of(), null, List.of());
            AccountProbes.Identity base = AccountProbes.identity(clients, baseProbe, home);
            report.baseIdentity(base);
            if (!base.ok()) {
                out.flush();
                return 3;
            }
            List<AccountTarget> accounts = all.isEmpty()
                    ? List.of(new AccountTarget(base.account(), base.account(), null, null, List.of(home), List.of(), null, List.of()))
                    : selected;
            Map<String, Set<String>> missingByCheck = new TreeMap<>();
            Set<String> missing = new LinkedHashSet<>();
            for (AccountTarget a : accounts) {
                report.account(a);
                AccountProbes.Identity id = AccountProbes.identity(clients, a, home);
                report.reach(a, id);
                if (!id.ok()) {
                    ok = false;
                    continue;
                }
                AccountProbes.EnabledRegions enabled = AccountProbes.regions(clients, a, home);
                report.regions(a, enabled);
                String region = a.regions().stream().filter(Regions::isKnown)
                        .filter(r -> enabled.enabled() == null || enabled.enabled().contains(r)).findFirst().orElse(home);
                ActionProbe.ProbeTarget target = AccountProbes.bucketTarget(clients, a, actions.keySet());
                List<ProbeResult> results = new ArrayList<>();
                for (Map.Entry<String, List<String>> e : actions.entrySet()) {
                    results.add(AccountProbes.probe(clients, a, region, target, e.getKey(), e.getValue()));
                }
                report.table(results);
                for (ProbeResult r : results) {
                    if (!r.status().failing()) continue;
                    ok = false;
                    if (r.status() == ProbeResult.Status.DENIED) {
                        missing.add(r.action());
                        for (String check : r.checks()) missingByCheck.computeIfAbsent(check, k -> new LinkedHashSet<>()).add(r.action());
                    }
                }
            }
            report.summary(missingByCheck, missing, ok);
        }
        out.flush();
        return ok ? 0 : 3;
    }

    /** The clients a run with the same demo choice would use (the one client-factory choice, {@link RunRegistry#clients}). */
    private AwsClients clients(boolean demo) {
        return registry.clients(new RunRequest("doctor", LocalDate.now(ZoneOffset.UTC), List.of(), List.of(),
                Path.of("."), true, demo, false));
    }
}
