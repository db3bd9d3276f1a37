package cloud.consolesensei.organizations;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsClients;
import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.coverage.CoverageGap;
import cloud.consolesensei.coverage.CoverageStore;
import cloud.consolesensei.finding.Finding;
import cloud.consolesensei.job.BaseCredentialsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The accounts a run audits when {@code consolesensei.organizations.discover} is true: the
 * configured {@code accounts[]} (in their order, with their own name, role, regions, budget and
 * recipients: an explicit entry wins over the discovered account of the same ID and is audited
 * even when the filters leave it out), then every included discovered account, reached through
 * {@code arn:<partition>:iam::<id>:role/<role-name>} with the organization's {@code external-id}
 * and {@code regions}.
 * <p>
 * The discovery is done once per run and stored ({@link DiscoveryStore}); a restarted execution
 * reads it back instead of asking Organizations again. When listing fails (e.g. the base
 * credentials are not the management or a delegated administrator account) the run goes on with the
 * configured accounts and the caller's own account, and the failure is a coverage gap of the
 * caller's account (service {@code organizations}).
 */
@Component
public class OrganizationAccounts {

    private final ConsoleSenseiProperties props;
    private final DiscoveryStore store;
    private final CoverageStore coverage;

    public OrganizationAccounts(ConsoleSenseiProperties props, DiscoveryStore store, CoverageStore coverage) {
        this.props = props;
        this.store = store;
        this.coverage = coverage;
    }

    /** True when {@code consolesensei.organizations.discover} is set. */
    public boolean enabled() {
        return props.organizations().discover();
    }

    /**
     * The accounts of run {@code runId}: {@code configured} alone when discovery is off, else
     * configured plus discovered.
     *
     * @throws BaseCredentialsException when the base credentials cannot even call sts:GetCallerIdentity
     */
    public List<AccountTarget> accounts(String runId, AwsClients clients, List<AccountTarget> configured) {
        if (!enabled()) return configured;
        Optional<Discovery> stored = store.load(runId);
        Discovery d = stored.orElseGet(() -> discover(runId, clients));
        return merge(d, props.organizations(), configured);
    }

    private Discovery discover(String runId, AwsClients clients) {
        Discovery d = OrganizationDiscovery.discover(clients, props.organizations(), props.aws().stsHomeRegion());
        if (d.callerAccount() == null) {
            throw new BaseCredentialsException(d.failure().cause());
        }
        store.save(runId, d);
        if (d.failed()) {
            Discovery.Failure f = d.failure();
            coverage.record(runId, new CoverageGap(d.callerAccount(), Finding.GLOBAL, f.service(), f.operation(),
                    f.errorClass(), "organization accounts could not be listed, auditing the configured accounts and "
                    + d.callerAccount() + " only: " + f.message(), false));
        }
        return d;
    }

    /** Configured accounts first, then the included discovered ones that are not configured. */
    static List<AccountTarget> merge(Discovery d, ConsoleSenseiProperties.Organizations org, List<AccountTarget> configured) {
        List<AccountTarget> out = new ArrayList<>(configured);
        Set<String> explicit = configured.stream().map(AccountTarget::id).collect(Collectors.toSet());
        if (d.failed()) {
            if (!explicit.contains(d.callerAccount())) {
                // The base credentials are the caller's: no role needed to audit its own account.
                out.add(new AccountTarget(d.callerAccount(), d.callerAccount(), null, null, org.regions(), List.of(),
                        null, List.of()));
            }
            return out;
        }
        for (OrgAccount a : d.included()) {
            if (explicit.contains(a.id())) continue;
            out.add(new AccountTarget(a.id(), a.name(), d.roleArn(a.id(), org.roleName()), blankToNull(org.externalId()),
                    org.regions(), List.of(), null, List.of()));
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
