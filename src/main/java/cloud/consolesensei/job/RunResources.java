package cloud.consolesensei.job;

import cloud.consolesensei.aws.AccountTarget;
import cloud.consolesensei.aws.AwsClients;
import cloud.consolesensei.check.CheckSettings;
import cloud.consolesensei.finding.Suppressions;
import cloud.consolesensei.price.PriceTable;

import java.util.List;
import java.util.Optional;

/**
 * What every step of one run shares in memory: the request, the configured accounts (before
 * reachability), the AWS clients (one per account, region and service, closed when the job
 * execution ends), settings, prices and suppressions.
 *
 * @param request    the run's request
 * @param accounts   accounts the request selects (demo or configured), regions not yet resolved
 * @param clients    the run's client factory
 * @param settings   effective check settings
 * @param prices     bundled price table
 * @param suppressions the mute list
 * @param scope      the report scope ({@code ReportScope.name}: {@code all}, ids, {@code @regions})
 */
public record RunResources(RunRequest request, List<AccountTarget> accounts, AwsClients clients,
                           CheckSettings settings, PriceTable prices, Suppressions suppressions, String scope) {

    /** The selected account with {@code id}. */
    public Optional<AccountTarget> account(String id) {
        return accounts.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
