package cloud.consolesensei.check;

import cloud.consolesensei.collect.ServiceModule;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Every check the registered {@link ServiceModule}s own, by catalog id (docs/checks.md).
 * The single place configuration validation, {@code doctor}, the workbook and the email look
 * checks up.
 */
@Component
public class CheckCatalog {

    private final Map<String, CheckDefinition> byId = new LinkedHashMap<>();

    public CheckCatalog(List<ServiceModule> modules) {
        modules.stream().sorted(Comparator.comparingInt(ServiceModule::order))
                .flatMap(m -> m.definitions().stream())
                .forEach(d -> byId.putIfAbsent(d.id(), d));
    }

    /** All definitions in module order. */
    public List<CheckDefinition> all() {
        return List.copyOf(byId.values());
    }

    /** Ids of the checks whose money is of {@code kind}, in module order. */
    public List<String> ids(MoneyKind kind) {
        return byId.values().stream().filter(d -> d.money() == kind).map(CheckDefinition::id).toList();
    }

    /** What the money of check {@code id} is; {@link MoneyKind#NONE} for an unknown id. */
    public MoneyKind money(String id) {
        CheckDefinition d = byId.get(id);
        return d == null ? MoneyKind.NONE : d.money();
    }

    /** The definition of {@code id}, if known. */
    public Optional<CheckDefinition> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
