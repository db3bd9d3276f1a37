package cloud.consolesensei.doctor;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsClients;
import cloud.consolesensei.aws.AwsErrorClassifier;
import cloud.consolesensei.aws.ErrorClass;
import cloud.consolesensei.aws.Regions;
import cloud.consolesensei.check.CheckCatalog;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.config.ConfigException;
import cloud.consolesensei.config.ConfigValidator;
import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.coverage.CoverageGap;
import cloud.consolesensei.demo.DemoEstate;
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
 * The {@code doctor} command's logic (README): checks, in order, the base identity
 * (sts:GetCallerIdentity), each account's role (AssumeRole, through GetCallerIdentity with the
 * role's session), the account's enabled regions (ec2:DescribeRegions), then every IAM action the
 * enabled checks need (CheckDefinition#iamActions) with one cheap read-only probe call
 * ({@link Probes}); prints a table action -> OK / DENIED / ERROR with the checks each missing action
 * disables, and the least-privilege policy to grant.
 * <p>
 * Exit codes: 0 everything needed is allowed; 3 something is missing or failed; a bad
 * {@code --account} is a {@link ConfigException} (2).
 */
@Service
public class Doctor {

    private final CheckCatalog catalog;
    private final ConfigValidator validator;
    private final ConsoleSenseiProperties props;
    private final RunRegistry registry;

    public Doctor(CheckCatalog catalog, ConfigValidator validator, ConsoleSenseiProperties props, RunRegistry registry) {
        this.catalog = catalog;
        this.validator = validator;
        this.props = props;
        this.registry = registry;
    }

    /** Each IAM action the enabled checks need (plus {@link LeastPrivilegePolicy#ALWAYS}), sorted, to the checks needing it. */
    public Map<String, List<String>> neededActions() {
        var settings = validator.checkSettings();
        Map<String, List<String>> needed = new TreeMap<>();
        for (CheckDefinition d : catalog.all()) {
            if (!settings.enabled(d.id())) continue;
            for (String a : d.iamActions()) needed.computeIfAbsent(a, k -> new ArrayList<>()).add(d.id());
        }
        for (String a : LeastPrivilegePolicy.ALWAYS) needed.computeIfAbsent(a, k -> new ArrayList<>()).add("(regions: all-enabled)");
        for (String a : LeastPrivilegePolicy.REPORT_DATA) needed.computeIfAbsent(a, k -> new ArrayList<>()).add("(Billing sheet: invoices)");
        return needed;
    }

    /** The least-privilege policy of every action the enabled checks need. */
    public String fullPolicy() {
        return LeastPrivilegePolicy.json(neededActions().keySet());
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
        List<AccountTarget> all = demo ? DemoEstate.ACCOUNTS : registry.configured();
        List<String> unknown = accountIds.stream().filter(id -> all.stream().noneMatch(a -> a.id().equals(id))).toList();
        if (!unknown.isEmpty() && !(all.isEmpty() && !demo)) {
            throw new ConfigException("--account " + String.join(", ", unknown) + ": not a configured account; configured: "
                    + (all.isEmpty() ? "none" : String.join(", ", all.stream().map(AccountTarget::id).toList())));
        }
        String home = props.aws().stsHomeRegion();
        Map<String, List<String>> needed = neededActions();
        boolean ok = true;
        try (AwsClients clients = clients(demo)) {
            if (demo) out.println("DEMO mode: diagnosing the built-in demo estate (no AWS calls).");
            AccountTarget baseProbe = new AccountTarget(all.isEmpty() ? "000000000000" : all.get(0).id(), "base identity",
                    null, null, List.of(home), List.of(), null, List.of());
            String baseAccount;
            try {
                var id = clients.sts(baseProbe, home).getCallerIdentity();
                baseAccount = id.account();
                out.println("base identity: " + id.arn() + " (account " + id.account() + ")  OK");
            } catch (RuntimeException e) {
                ErrorClass c = AwsErrorClassifier.classify(e);
                out.println("base identity: FAILED - " + c.label() + ": " + AwsErrorClassifier.message(e));
                out.println("  remedy: " + c.remedy());
                out.println("nothing else can be checked without working base credentials");
                out.flush();
                return 3;
            }
            List<AccountTarget> accounts = all.isEmpty()
                    ? List.of(new AccountTarget(baseAccount, baseAccount, null, null, List.of(home), List.of(), null, List.of()))
                    : all.stream().filter(a -> accountIds.isEmpty() || accountIds.contains(a.id())).toList();
            Map<String, Set<String>> missingByCheck = new TreeMap<>();
            Set<String> missing = new LinkedHashSet<>();
            for (AccountTarget a : accounts) {
                out.println();
                out.println("account " + a.id() + " (" + a.name() + ")");
                if (!reachable(clients, a, home, out)) {
                    ok = false;
                    continue;
                }
                List<String> enabledRegions = regions(clients, a, home, out);
                String region = a.regions().stream().filter(Regions::isKnown)
                        .filter(r -> enabledRegions == null || enabledRegions.contains(r)).findFirst().orElse(home);
                ActionProbe.ProbeTarget target = bucketTarget(clients, a, needed.keySet());
                List<ProbeResult> results = new ArrayList<>();
                for (Map.Entry<String, List<String>> e : needed.entrySet()) {
                    results.add(probe(clients, a, region, target, e.getKey(), e.getValue()));
                }
                print(results, out);
                for (ProbeResult r : results) {
                    if (!r.status().failing()) continue;
                    ok = false;
                    if (r.status() == ProbeResult.Status.DENIED) {
                        missing.add(r.action());
                        for (String check : r.checks()) missingByCheck.computeIfAbsent(check, k -> new LinkedHashSet<>()).add(r.action());
                    }
                }
            }
            out.println();
            if (!missingByCheck.isEmpty()) {
                out.println("checks that cannot run (missing IAM action):");
                missingByCheck.forEach((check, actions) -> out.println("  " + check + ": " + String.join(", ", actions)));
                out.println();
                out.println("policy granting the missing actions (attach it to the audit identity or role):");
                out.println(LeastPrivilegePolicy.json(missing));
                out.println("(the full least-privilege policy: doctor --policy)");
            }
            out.println(ok ? "doctor: everything the enabled checks need is allowed" : "doctor: problems found (see above)");
        }
        out.flush();
        return ok ? 0 : 3;
    }

    /** The clients a run with the same demo choice would use (the one client-factory choice, {@link RunRegistry#clients}). */
    private AwsClients clients(boolean demo) {
        return registry.clients(new RunRequest("doctor", LocalDate.now(ZoneOffset.UTC), List.of(), List.of(),
                Path.of("."), true, demo, false));
    }

    /** The account's credentials work (its role can be assumed). */
    private static boolean reachable(AwsClients clients, AccountTarget a, String home, PrintWriter out) {
        String what = a.roleArn() == null ? "credentials (base identity)" : "AssumeRole " + a.roleArn();
        try {
            var id = clients.sts(a, home).getCallerIdentity();
            out.println("  " + what + ": OK (" + id.arn() + ")");
            if (id.account() != null && !id.account().equals(a.id())) {
                out.println("  warning: the credentials belong to account " + id.account() + ", not " + a.id());
            }
            return true;
        } catch (RuntimeException e) {
            ErrorClass c = AwsErrorClassifier.classify(e);
            if (a.roleArn() != null && (c == ErrorClass.ACCESS_DENIED || c == ErrorClass.CLIENT_ERROR)) c = ErrorClass.ROLE_NOT_ASSUMABLE;
            out.println("  " + what + ": FAILED - " + c.label() + ": " + AwsErrorClassifier.message(e));
            out.println("  remedy: " + c.remedy());
            return false;
        }
    }

    /** Prints the enabled regions and configured regions that are not; null when they could not be listed. */
    private static List<String> regions(AwsClients clients, AccountTarget a, String home, PrintWriter out) {
        try {
            List<String> enabled = clients.ec2(a, home).describeRegions(b -> { }).regions().stream()
                    .map(r -> r.regionName()).sorted().toList();
            out.println("  regions enabled (" + enabled.size() + "): " + String.join(", ", enabled));
            for (String r : a.regions()) {
                if (Regions.isKnown(r) && !enabled.contains(r)) {
                    out.println("  region " + r + ": configured but not enabled for this account (it will be an INFO coverage row)");
                }
            }
            return enabled;
        } catch (RuntimeException e) {
            out.println("  regions: could not be listed (" + AwsErrorClassifier.classify(e).label() + ": "
                    + AwsErrorClassifier.message(e) + ")");
            return null;
        }
    }

    /** One bucket of the account to probe bucket-level S3 actions on, when any is needed and exists. */
    private static ActionProbe.ProbeTarget bucketTarget(AwsClients clients, AccountTarget a, Set<String> actions) {
        if (actions.stream().noneMatch(Probes::needsBucket)) return new ActionProbe.ProbeTarget(null, null);
        try {
            var buckets = clients.s3(a, "us-east-1").listBuckets(b -> b.maxBuckets(1)).buckets();
            if (buckets.isEmpty()) return new ActionProbe.ProbeTarget(null, null);
            String name = buckets.get(0).name();
            String region = buckets.get(0).bucketRegion();
            if (region == null || region.isBlank()) {
                try {
                    String loc = clients.s3(a, "us-east-1").getBucketLocation(b -> b.bucket(name)).locationConstraintAsString();
                    region = loc == null || loc.isBlank() ? "us-east-1" : "EU".equals(loc) ? "eu-west-1" : loc;
                } catch (RuntimeException e) {
                    region = "us-east-1";
                }
            }
            return new ActionProbe.ProbeTarget(name, region);
        } catch (RuntimeException e) {
            return new ActionProbe.ProbeTarget(null, null);
        }
    }

    private static ProbeResult probe(AwsClients clients, AccountTarget a, String region, ActionProbe.ProbeTarget target,
                                     String action, List<String> checks) {
        var probe = Probes.of(action);
        if (probe.isEmpty()) {
            return new ProbeResult(a.id(), action, ProbeResult.Status.NOT_PROBED, "no probe for this action", checks);
        }
        if (Probes.needsBucket(action) && target.bucket() == null) {
            return new ProbeResult(a.id(), action, ProbeResult.Status.NOT_PROBED, "no bucket in the account to probe it on", checks);
        }
        try {
            probe.get().call().run(clients, a, region, target);
            return new ProbeResult(a.id(), action, ProbeResult.Status.OK, "", checks);
        } catch (RuntimeException e) {
            ErrorClass c = AwsErrorClassifier.classify(e);
            String m = AwsErrorClassifier.message(e);
            return switch (c) {
                // the request was authorized, then answered "no such thing" / "not enough data" / "bad input"
                case NOT_FOUND, DATA_UNAVAILABLE, CLIENT_ERROR -> new ProbeResult(a.id(), action, ProbeResult.Status.OK,
                        "allowed (answered " + m + ")", checks);
                // only the paying account may list invoices: a member's refusal costs report data, no check
                case ACCESS_DENIED, ROLE_NOT_ASSUMABLE -> LeastPrivilegePolicy.REPORT_DATA.contains(action)
                        ? new ProbeResult(a.id(), action, ProbeResult.Status.INFO, m + " - " + CoverageGap.NOT_PAYER_REMEDY, checks)
                        : new ProbeResult(a.id(), action, ProbeResult.Status.DENIED, m, checks);
                default -> new ProbeResult(a.id(), action, ProbeResult.Status.ERROR, c.label() + ": " + m, checks);
            };
        }
    }

    private static void print(List<ProbeResult> results, PrintWriter out) {
        int w = Math.max(6, results.stream().mapToInt(r -> r.action().length()).max().orElse(6));
        out.printf("  %-" + w + "s  %-10s  %s%n", "ACTION", "RESULT", "CHECKS THAT NEED IT");
        for (ProbeResult r : results) {
            out.printf("  %-" + w + "s  %-10s  %s%n", r.action(), r.status(), String.join(", ", r.checks()));
            if (r.status() != ProbeResult.Status.OK && !r.detail().isEmpty()) {
                out.printf("  %-" + w + "s  %-10s  %s%n", "", "", "-> " + r.detail());
            }
        }
    }

}
