package cloud.consolesensei.check;

import java.math.BigDecimal;
import java.util.List;

/**
 * One configurable threshold of a check, set under {@code consolesensei.checks.<id>.<name>}.
 *
 * @param name         setting name in kebab case, e.g. {@code max-age-days}
 * @param type         value type; numbers must not be negative
 * @param defaultValue the docs/checks.md default: {@link Integer}, {@link java.math.BigDecimal},
 *                     {@link Boolean}, {@link String} or {@code List<String>} according to {@code type}
 * @param description  one line for {@code --help}-style listings, with the unit (days, USD, %)
 */
public record SettingSpec(String name, Type type, Object defaultValue, String description) {

    /** Value types a setting may have. */
    public enum Type { INTEGER, DECIMAL, BOOLEAN, STRING, STRING_LIST }

    public static SettingSpec integer(String name, int def, String description) {
        return new SettingSpec(name, Type.INTEGER, def, description);
    }

    public static SettingSpec decimal(String name, String def, String description) {
        return new SettingSpec(name, Type.DECIMAL, new BigDecimal(def), description);
    }

    public static SettingSpec list(String name, List<String> def, String description) {
        return new SettingSpec(name, Type.STRING_LIST, List.copyOf(def), description);
    }

    public static SettingSpec string(String name, String def, String description) {
        return new SettingSpec(name, Type.STRING, def, description);
    }
}
