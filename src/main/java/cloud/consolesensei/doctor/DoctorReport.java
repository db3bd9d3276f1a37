package cloud.consolesensei.doctor;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.Regions;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How {@code doctor} prints what it found (README, "doctor"): the base identity, per account its role,
 * regions and a table action -> result -> checks that need it, then the checks that cannot run and the
 * policy granting the missing actions.
 */
final class DoctorReport {

    private final PrintWriter out;

    DoctorReport(PrintWriter out) {
        this.out = out;
    }

    void demo() {
        out.println("DEMO mode: diagnosing the built-in demo estate (no AWS calls).");
    }

    /** The base identity's line; when it failed, the remedy and that nothing else can be checked. */
    void baseIdentity(AccountProbes.Identity id) {
        if (id.ok()) {
            out.println("base identity: " + id.arn() + " (account " + id.account() + ")  OK");
            return;
        }
        out.println("base identity: FAILED - " + id.failure().label() + ": " + id.message());
        out.println("  remedy: " + id.failure().remedy());
        out.println("nothing else can be checked without working base credentials");
    }

    void account(AccountTarget a) {
        out.println();
        out.println("account " + a.id() + " (" + a.name() + ")");
    }

    /** Whether the account's credentials work (its role can be assumed), and whose they are. */
    void reach(AccountTarget a, AccountProbes.Identity id) {
        String what = a.roleArn() == null ? "credentials (base identity)" : "AssumeRole " + a.roleArn();
        if (!id.ok()) {
            out.println("  " + what + ": FAILED - " + id.failure().label() + ": " + id.message());
            out.println("  remedy: " + id.failure().remedy());
            return;
        }
        out.println("  " + what + ": OK (" + id.arn() + ")");
        if (id.account() != null && !id.account().equals(a.id())) {
            out.println("  warning: the credentials belong to account " + id.account() + ", not " + a.id());
        }
    }

    /** The enabled regions and the configured regions that are not. */
    void regions(AccountTarget a, AccountProbes.EnabledRegions r) {
        if (r.enabled() == null) {
            out.println("  regions: could not be listed (" + r.failure() + ")");
            return;
        }
        out.println("  regions enabled (" + r.enabled().size() + "): " + String.join(", ", r.enabled()));
        for (String region : a.regions()) {
            if (Regions.isKnown(region) && !r.enabled().contains(region)) {
                out.println("  region " + region + ": configured but not enabled for this account (it will be an INFO coverage row)");
            }
        }
    }

    /** The table action, result, checks that need it; a detail line under each result that is not plainly OK. */
    void table(List<ProbeResult> results) {
        int w = Math.max(6, results.stream().mapToInt(r -> r.action().length()).max().orElse(6));
        out.printf("  %-" + w + "s  %-10s  %s%n", "ACTION", "RESULT", "CHECKS THAT NEED IT");
        for (ProbeResult r : results) {
            out.printf("  %-" + w + "s  %-10s  %s%n", r.action(), r.status(), String.join(", ", r.checks()));
            if (r.status() != ProbeResult.Status.OK && !r.detail().isEmpty()) {
                out.printf("  %-" + w + "s  %-10s  %s%n", "", "", "-> " + r.detail());
            }
        }
    }

    /** The checks that cannot run and the policy granting what they miss, then the verdict. */
    void summary(Map<String, Set<String>> missingByCheck, Set<String> missing, boolean ok) {
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
}
