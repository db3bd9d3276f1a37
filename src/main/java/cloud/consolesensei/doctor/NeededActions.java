package cloud.consolesensei.doctor;

import cloud.consolesensei.check.CheckCatalog;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.config.ConfigValidator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/**
 * What {@code doctor} probes and {@code doctor --policy} grants: each IAM action the enabled checks need
 * ({@link CheckDefinition#iamActions()}), plus what the run itself and the report data need
 * ({@link LeastPrivilegePolicy#ALWAYS}, {@link LeastPrivilegePolicy#REPORT_DATA}).
 */
@Component
public class NeededActions {

    private final CheckCatalog catalog;
    private final ConfigValidator validator;

    public NeededActions(CheckCatalog catalog, ConfigValidator validator) {
        this.catalog = catalog;
        this.validator = validator;
    }

    /** Each needed IAM action, sorted, to the enabled checks (or the run's part) needing it. */
    public Map<String, List<String>> byAction() {
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

    /** The least-privilege policy (JSON) of every needed action. */
    public String policy() {
        return LeastPrivilegePolicy.json(byAction().keySet());
    }
}
