package cloud.consolesensei.cost;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageRequest;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageResponse;
import software.amazon.awssdk.services.costexplorer.model.ResultByTime;

/**
 * Pages through {@code GetCostAndUsage}. The SDK has no paginator for it (its paginators-1.json
 * lists none), so this follows {@code NextPageToken} until Cost Explorer stops giving one.
 */
final class CostExplorerPages {

    private CostExplorerPages() {
    }

    /**
     * All {@code ResultsByTime} of {@code request}, in the order of the pages. One period's groups may
     * be split over pages: callers merge by period.
     *
     * @param onRequest called before each request (each costs 0.01 USD)
     */
    static List<ResultByTime> getCostAndUsage(CostExplorerClient ce, GetCostAndUsageRequest request,
                                              Runnable onRequest) {
        List<ResultByTime> all = new ArrayList<>();
        String token = null;
        do {
            onRequest.run();
            GetCostAndUsageResponse page = ce.getCostAndUsage(request.toBuilder().nextPageToken(token).build());
            all.addAll(page.resultsByTime());
            token = page.nextPageToken();
        } while (token != null && !token.isEmpty());
        return all;
    }
}
