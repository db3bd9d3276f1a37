package cloud.consolesensei.cli;

import cloud.consolesensei.config.ConsoleSenseiProperties;
import cloud.consolesensei.config.EditDistance;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Plain-words diagnosis of configuration files and keys, for the one-line errors of exit code 2:
 * a YAML syntax error with file, line and column; an empty file; the keys allowed where an unknown
 * one was written; what type a value should have.
 */
final class ConfigFiles {

    /** Top-level keys a configuration file may have (ours, and Spring Boot's database, mail and logging). */
    static final List<String> TOP_LEVEL = List.of("consolesensei", "spring", "logging");

    private ConfigFiles() {
    }

    /** What is wrong with a YAML configuration file before Spring reads it, or null when it parses. */
    static String problem(Path given) {
        Path file = given.toAbsolutePath().normalize();
        String name = file.getFileName().toString();
        if (name.endsWith(".properties")) return null;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            boolean any = false;
            for (Object doc : yaml.loadAll(r)) {
                if (doc == null) continue;
                any = true;
                if (!(doc instanceof Map<?, ?> top)) {
                    return file + ": the document is not a mapping of keys (expected e.g. 'consolesensei:' at the top)";
                }
                boolean known = false;
                for (Object key : top.keySet()) {
                    String first = String.valueOf(key).split("\\.")[0];
                    if (TOP_LEVEL.contains(first)) {
                        known = true;
                    } else if (EditDistance.between(first, "consolesensei") <= 3) {
                        return file + ": unknown top-level key '" + key + "'; did you mean 'consolesensei'?";
                    }
                }
                if (!known) {
                    return file + ": no known top-level key (found " + top.keySet() + "); allowed: "
                            + String.join(", ", TOP_LEVEL);
                }
            }
            return any ? null : file + ": the file is empty; give at least the consolesensei: section (see jobs/audit.example.yml)";
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark();
            return file + (m == null ? "" : ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1))
                    + ": not valid YAML: " + e.getProblem()
                    + (e.getContext() == null ? "" : " (" + e.getContext() + ")");
        } catch (YAMLException e) {
            return file + ": not valid YAML: " + e.getMessage();
        } catch (IOException e) {
            return file + ": cannot be read: " + e.getMessage();
        }
    }

    /** The value a Java type expects, in words. */
    static String expected(Class<?> type) {
        if (type == BigDecimal.class || type == Double.class || type == double.class) return "a number";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "a whole number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == Duration.class) return "a duration such as 30s, 5m or 1h";
        if (type == LocalDate.class) return "a date YYYY-MM-DD";
        if (List.class.isAssignableFrom(type)) return "a list";
        if (type.isRecord() || Map.class.isAssignableFrom(type)) return "a section of keys";
        return "a " + type.getSimpleName();
    }

    /**
     * The message for an unknown key Spring could not bind, e.g. {@code consolesensei.acounts[0].id}
     * (Spring names the leaf) becomes {@code consolesensei.acounts: unknown configuration key;
     * allowed here: accounts, ...}: the first segment the configuration model does not know, and
     * the keys its parent section allows.
     */
    static String unknownKey(String boundName) {
        String[] parts = boundName.split("\\.");
        Class<?> type = ConsoleSenseiProperties.class;
        StringBuilder key = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            String name = parts[i].replaceAll("\\[\\d+]", "");
            Class<?> next = type.isRecord() ? component(type, name) : null;
            key.append('.').append(i == parts.length - 1 || next == null ? name : parts[i]);
            if (next == null) break;
            type = next;
        }
        String allowed;
        if (type.isRecord()) {
            List<String> keys = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) keys.add(kebab(c.getName()));
            allowed = "allowed here: " + String.join(", ", keys);
        } else {
            allowed = "see jobs/audit.example.yml for the keys allowed";
        }
        return key + ": unknown configuration key; " + allowed;
    }

    private static Class<?> component(Class<?> record, String kebabName) {
        if (!record.isRecord()) return null;
        for (RecordComponent c : record.getRecordComponents()) {
            if (kebab(c.getName()).equals(kebabName)) {
                Type g = c.getGenericType();
                if (g instanceof ParameterizedType pt && List.class.isAssignableFrom(c.getType())
                        && pt.getActualTypeArguments()[0] instanceof Class<?> element) {
                    return element;
                }
                return c.getType();
            }
        }
        return null;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
