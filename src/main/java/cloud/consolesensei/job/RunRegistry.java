package cloud.consolesensei.job;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsClients;
import cloud.consolesensei.aws.SdkAwsClients;
import cloud.consolesensei.config.ConfigException;
import cloud.consolesensei.config.ConfigValidator;
import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.demo.DemoAwsClients;
import cloud.consolesensei.demo.DemoEstate;
import cloud.consolesensei.finding.Suppressions;
import cloud.consolesensei.organizations.OrganizationAccounts;
import cloud.consolesensei.price.PriceTable;
import cloud.consolesensei.report.ReportScope;
import cloud.consolesensei.run.AuditRuns;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Builds and keeps the {@link RunResources} of the runs executing in this process, by run id; the
 * job's listener closes them when the job execution ends. A restarted execution (maybe in a new
 * process) builds them again from its job parameters and the same configuration.
 */
@Component
public class RunRegistry {

    private final Map<String, RunResources> runs = new ConcurrentHashMap<>();
    private final ConsoleSenseiProperties props;
    private final ConfigValidator validator;
    private final OrganizationAccounts organizations;
    private final PriceTable prices = PriceTable.bundled();
    private final Function<RunRequest, AwsClients> clientFactory;
    private final AuditRuns auditRuns;

    public RunRegistry(ConsoleSenseiProperties props, ConfigValidator validator, OrganizationAccounts organizations,
                       ObjectProvider<AwsClientsFactory> factory, AuditRuns auditRuns) {
        this.props = props;
        this.auditRuns = auditRuns;
        this.validator = validator;
        this.organizations = organizations;
        AwsClientsFactory f = factory.getIfAvailable();
        this.clientFactory = f != null ? f::create
                : r -> r.demo() ? new DemoAwsClients(r.asOf()) : new SdkAwsClients(props.aws().settings());
    }

    /** Lets tests and benchmarks supply their own client factory (e.g. with static credentials). */
    @FunctionalInterface
    public interface AwsClientsFactory {
        AwsClients create(RunRequest request);
    }

    /**
     * The request of the execution whose job parameters are {@code p}: the one this process runs
     * already, else rebuilt from the parameters and the run's stored account selection (one read).
     */
    public RunRequest request(JobParameters p) {
        RunResources r = runs.get(p.getString("run.id"));
        return r != null ? r.request() : RunRequest.from(p, auditRuns.selection(p.getString("run.id")));
    }

    /**
     * The AWS clients of {@code request}: the supplied {@link AwsClientsFactory}'s when there is one
     * (tests, benchmarks), else the demo estate's in demo mode, else real SDK clients. The one place
     * that choice is made ({@code run}, {@code doctor} and {@code serve} alike).
     */
    public AwsClients clients(RunRequest request) {
        return clientFactory.apply(request);
    }

    /** The run's resources, built on first use. @throws ConfigException for an unknown --account */
    public RunResources resources(RunRequest request) {
        return runs.computeIfAbsent(request.runId(), id -> build(request));
    }

    /** Closes and forgets a run's resources. */
    public void release(String runId) {
        RunResources r = runs.remove(runId);
        if (r != null) r.clients().close();
    }

    private RunResources build(RunRequest request) {
        AwsClients clients = clients(request);
        // Demo mode audits the demo estate, or the demo organization when discovery is configured.
        List<AccountTarget> all = request.demo() && !organizations.enabled() ? known(true)
                : organizations.accounts(request.runId(), clients, configured());
        if (all.isEmpty() && !request.demo() && !organizations.enabled()) {
            all = List.of(callerAccount(clients));
        }
        List<AccountTarget> selected = AccountSelection.select("--account", all, request.accountIds());
        return new RunResources(request, selected, clients, validator.checkSettings(), prices,
                new Suppressions(props.suppressions()), ReportScope.name(request.accountIds(), request.regions(),
                all.stream().map(AccountTarget::id).toList()));
    }

    /**
     * No account configured but credentials exist: audit the credentials' own account
     * (sts:GetCallerIdentity) in the SDK's default region (us-east-1 when none is set).
     *
     * @throws BaseCredentialsException when the base credentials do not work
     */
    private AccountTarget callerAccount(AwsClients clients) {
        String region;
        try {
            region = new DefaultAwsRegionProviderChain().getRegion().id();
        } catch (RuntimeException e) {
            region = "us-east-1";
        }
        AccountTarget probe = new AccountTarget("000000000000", "caller", null, null, List.of(region), List.of(), null, List.of());
        try {
            String id = clients.sts(probe, props.aws().stsHomeRegion()).getCallerIdentity().account();
            return new AccountTarget(id, id, null, null, List.of(region), List.of(), null, props.mail().recipients());
        } catch (RuntimeException e) {
            throw new BaseCredentialsException(e);
        }
    }

    /**
     * The accounts a run knows before any discovery: the demo estate's in demo mode, else the configured ones.
     * {@code doctor} and the API check a request's accounts against these ({@link AccountSelection}).
     */
    public List<AccountTarget> known(boolean demo) {
        return demo ? DemoEstate.ACCOUNTS : configured();
    }

    /** Configured accounts as targets (regions may still say all-enabled). */
    public List<AccountTarget> configured() {
        List<AccountTarget> out = new ArrayList<>();
        for (ConsoleSenseiProperties.Account a : props.accounts()) {
            out.add(new AccountTarget(a.id(), a.name(), blankToNull(a.roleArn()), blankToNull(a.externalId()),
                    a.regions(), a.allowedRegions(), a.monthlyBudgetUsd(), a.recipients()));
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
