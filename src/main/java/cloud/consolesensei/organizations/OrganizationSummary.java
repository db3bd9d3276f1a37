package cloud.consolesensei.organizations;

import cloud.consolesensei.coverage.CoverageStore;
import cloud.consolesensei.job.RunStatistic;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The run-level view of a discovery: the stored {@link Discovery} plus which included accounts
 * turned out unreachable (their role could not be assumed: an {@code sts AssumeRole} coverage gap).
 * Also the line the run's closing summary prints.
 */
@Component
public class OrganizationSummary implements RunStatistic {

    private final DiscoveryStore store;
    private final CoverageStore coverage;

    public OrganizationSummary(DiscoveryStore store, CoverageStore coverage) {
        this.store = store;
        this.coverage = coverage;
    }

    /**
     * A run's discovery with its unreachable accounts.
     *
     * @param discovery   what discovery found
     * @param unreachable IDs of included accounts whose role could not be assumed
     */
    public record View(Discovery discovery, Set<String> unreachable) {
    }

    /** The discovery of run {@code runId}, or empty when the run did none. */
    public Optional<View> view(String runId) {
        return store.load(runId).map(d -> {
            Set<String> unreachable = new LinkedHashSet<>();
            List<String> ids = d.included().stream().map(OrgAccount::id).toList();
            coverage.forEach(runId, ids, g -> {
                if ("sts".equals(g.service()) && "AssumeRole".equals(g.operation())) unreachable.add(g.accountId());
            });
            return new View(d, unreachable);
        });
    }

    /** E.g. {@code Organization (management account 111111111111): 5 discovered, 3 included, 2 excluded, 1 unreachable}. */
    @Override
    public String line(String runId, boolean demo) {
        return view(runId).map(OrganizationSummary::text).orElse(null);
    }

    static String text(View v) {
        Discovery d = v.discovery();
        String head = "Organization (management account " + d.callerAccount() + "): ";
        if (d.failed()) {
            return head + "discovery failed at " + d.failure().operation() + " (" + d.failure().errorClass().label()
                    + "): " + d.failure().message();
        }
        return head + d.discovered().size() + " discovered, " + d.included().size() + " included, "
                + d.excluded().size() + " excluded, " + v.unreachable().size() + " unreachable";
    }
}
