package cloud.consolesensei.check;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Effective, validated check configuration: which checks are enabled and each threshold's value
 * (configured or the catalog default). Built once per run by the configuration loader.
 *
 * @param disabled ids of checks switched off with {@code enabled: false}
 * @param values   check id to setting name to value, for every setting of every known check
 */
public record CheckSettings(Set<String> disabled, Map<String, Map<String, Object>> values) {

    public CheckSettings {
        disabled = Set.copyOf(disabled);
        values = Map.copyOf(values);
    }

    /** Settings made of the catalog defaults only. */
    public static CheckSettings defaults(List<CheckDefinition> catalog) {
        Map<String, Map<String, Object>> v = new HashMap<>();
        for (CheckDefinition d : catalog) {
            Map<String, Object> m = new HashMap<>();
            for (SettingSpec s : d.settings()) {
                m.put(s.name(), s.defaultValue());
            }
            v.put(d.id(), Map.copyOf(m));
        }
        return new CheckSettings(Set.of(), v);
    }

    public boolean enabled(String checkId) {
        return !disabled.contains(checkId);
    }

    public int integer(String checkId, String name) {
        return ((Number) value(checkId, name)).intValue();
    }

    public BigDecimal decimal(String checkId, String name) {
        Object v = value(checkId, name);
        return v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String checkId, String name) {
        return (List<String>) value(checkId, name);
    }

    private Object value(String checkId, String name) {
        Map<String, Object> m = values.get(checkId);
        Object v = m == null ? null : m.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no setting " + checkId + "." + name + " in the catalog");
        }
        return v;
    }
}
