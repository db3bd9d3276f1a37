package cloud.consolesensei.config;

import cloud.consolesensei.check.CheckCatalog;
import cloud.consolesensei.check.CheckDefinition;
import cloud.consolesensei.check.CheckSettings;
import cloud.consolesensei.check.SettingSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Reads {@code consolesensei.checks.<id>.<setting>} (written dotted, {@code ec2.instance_missing_tags},
 * or nested, {@code ec2: {instance_missing_tags: ...}}: both flatten to the same keys) into
 * {@link CheckSettings}, validated against the {@link CheckCatalog}: an unknown check id or setting,
 * a value of the wrong type or a negative number is a {@link ConfigException} naming the key.
 */
public final class CheckSettingsLoader {

    private static final String PREFIX = "consolesensei.checks.";
    private static final Pattern KEY = Pattern.compile("([^.\\[]+)\\.([^.\\[]+)\\.([^.\\[]+)(\\[\\d+])?");

    private CheckSettingsLoader() {
    }

    /** @throws ConfigException listing every problem found */
    public static CheckSettings load(ConfigurableEnvironment env, CheckCatalog catalog) {
        List<String> problems = new ArrayList<>();
        // setting key -> list index -> raw value, for every configured key
        Map<String, TreeMap<Integer, String>> raw = new HashMap<>();
        Map<String, String> originalKey = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (PropertySource<?> ps : env.getPropertySources()) {
            if (!(ps instanceof EnumerablePropertySource<?> eps)) continue;
            for (String name : eps.getPropertyNames()) {
                if (!name.startsWith(PREFIX) || !seen.add(name)) continue;
                String rest = name.substring(PREFIX.length());
                Matcher m = KEY.matcher(rest);
                if (!m.matches()) {
                    problems.add(ConfigOrigins.of(env, name) + name
                            + ": expected consolesensei.checks.<check id>.<setting>, e.g. consolesensei.checks.ebs.snapshot_old.max-age-days");
                    continue;
                }
                String id = m.group(1) + "." + m.group(2);
                String setting = m.group(3);
                if (catalog.find(id).isEmpty()) {
                    problems.add(ConfigOrigins.of(env, name) + name + ": unknown check id '" + id
                            + "'; known ids: " + String.join(", ", catalog.all().stream().map(CheckDefinition::id).toList()));
                    continue;
                }
                String norm = id + "." + normalise(setting);
                int idx = m.group(4) == null ? -1 : Integer.parseInt(m.group(4).replaceAll("\\D", ""));
                Object v = env.getProperty(name);
                raw.computeIfAbsent(norm, k -> new TreeMap<>()).putIfAbsent(idx, v == null ? "" : v.toString());
                originalKey.putIfAbsent(norm, name);
            }
        }
        Set<String> disabled = new LinkedHashSet<>();
        Map<String, Map<String, Object>> values = new HashMap<>();
        for (CheckDefinition d : catalog.all()) {
            Map<String, Object> m = new HashMap<>();
            for (SettingSpec s : d.settings()) m.put(s.name(), s.defaultValue());
            values.put(d.id(), m);
        }
        for (Map.Entry<String, TreeMap<Integer, String>> e : raw.entrySet()) {
            String key = e.getKey();
            String id = key.substring(0, key.indexOf('.', key.indexOf('.') + 1));
            String setting = key.substring(id.length() + 1);
            String where = ConfigOrigins.of(env, originalKey.get(key)) + "consolesensei.checks." + id + ".";
            CheckDefinition def = catalog.find(id).orElseThrow();
            TreeMap<Integer, String> vals = e.getValue();
            if (setting.equals("enabled")) {
                String v = vals.firstEntry().getValue().trim().toLowerCase(Locale.ROOT);
                if (!v.equals("true") && !v.equals("false")) {
                    problems.add(where + "enabled: '" + v + "' is not allowed; use true or false");
                } else if (v.equals("false")) {
                    disabled.add(id);
                }
                continue;
            }
            SettingSpec spec = def.settings().stream().filter(s -> normalise(s.name()).equals(setting)).findFirst().orElse(null);
            if (spec == null) {
                List<String> names = new ArrayList<>(List.of("enabled"));
                def.settings().forEach(s -> names.add(s.name()));
                String typed = originalKey.get(key).substring(("consolesensei.checks." + id + ".").length()).replaceAll("\\[\\d+]$", "");
                problems.add(where + typed + ": unknown setting of " + id + "; allowed: " + String.join(", ", names));
                continue;
            }
            String label = where + spec.name();
            String single = vals.firstEntry().getValue().trim();
            try {
                Object value = switch (spec.type()) {
                    case INTEGER -> {
                        int i = Integer.parseInt(single);
                        if (i < 0) throw new IllegalArgumentException("must not be negative");
                        yield i;
                    }
                    case DECIMAL -> {
                        BigDecimal b = new BigDecimal(single);
                        if (b.signum() < 0) throw new IllegalArgumentException("must not be negative");
                        yield b;
                    }
                    case BOOLEAN -> {
                        if (!single.equalsIgnoreCase("true") && !single.equalsIgnoreCase("false")) {
                            throw new IllegalArgumentException("use true or false");
                        }
                        yield Boolean.parseBoolean(single);
                    }
                    case STRING -> single;
                    case STRING_LIST -> {
                        List<String> list = new ArrayList<>();
                        for (String v : vals.values()) {
                            for (String part : v.split(",")) {
                                if (!part.isBlank()) list.add(part.trim());
                            }
                        }
                        yield List.copyOf(list);
                    }
                };
                values.get(id).put(spec.name(), value);
            } catch (NumberFormatException ex) {
                problems.add(label + ": '" + single + "' is not a " + (spec.type() == SettingSpec.Type.INTEGER
                        ? "whole number" : "number") + " (" + spec.description() + ")");
            } catch (IllegalArgumentException ex) {
                problems.add(label + ": '" + single + "' " + ex.getMessage() + " (" + spec.description() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        Map<String, Map<String, Object>> frozen = new HashMap<>();
        values.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
        return new CheckSettings(disabled, frozen);
    }

    /** Relaxed setting names: {@code maxAgeDays}, {@code max_age_days} and {@code max-age-days} are one. */
    static String normalise(String s) {
        return s.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }
}
