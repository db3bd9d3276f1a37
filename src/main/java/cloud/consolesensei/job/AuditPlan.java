package cloud.consolesensei.job;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The resolved plan of a run, kept in the job execution context so a restart audits exactly the
 * same accounts and regions: which accounts are reachable, each one's regions, and which could not
 * be reached (their role could not be assumed).
 *
 * @param regions     reachable account ID to its regions, in order
 * @param unreachable account IDs whose role could not be assumed
 */
public record AuditPlan(Map<String, List<String>> regions, List<String> unreachable) {

    private static final String ACCOUNTS = "plan.accounts";
    private static final String UNREACHABLE = "plan.unreachable";
    private static final String REGIONS = "plan.regions.";

    /** Writes the plan into the job execution context. */
    public void store(ExecutionContext ec) {
        ec.putString(ACCOUNTS, String.join(",", regions.keySet()));
        ec.putString(UNREACHABLE, String.join(",", unreachable));
        regions.forEach((id, r) -> ec.putString(REGIONS + id, String.join(",", r)));
    }

    /** Reads a stored plan, or null when the plan step has not run. */
    public static AuditPlan load(ExecutionContext ec) {
        if (!ec.containsKey(ACCOUNTS)) return null;
        Map<String, List<String>> regions = new LinkedHashMap<>();
        for (String id : split(ec.getString(ACCOUNTS))) {
            regions.put(id, split(ec.getString(REGIONS + id)));
        }
        return new AuditPlan(regions, split(ec.getString(UNREACHABLE)));
    }

    /** Every account of the plan, reachable or not. */
    public List<String> allAccountIds() {
        List<String> all = new ArrayList<>(regions.keySet());
        all.addAll(unreachable);
        return all;
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.split(","));
    }
}
