package cloud.consolesensei.config;

import static org.assertj.core.api.Assertions.assertThat;

import cloud.consolesensei.cost.CostProperties;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code jobs/audit.example.yml} shows every key of the configuration model, and only those: the keys
 * of {@link ConsoleSenseiProperties} (records, lists of records written {@code name[]}) and of
 * {@link CostProperties} under {@code cost}, against the keys the example writes. A key written
 * commented out ({@code # payer-account: ...}, an option shown but off) counts as shown. The settings
 * under {@code checks} are the check catalog's (validated by the application against it), so
 * {@code checks} itself is the key compared.
 */
class ExampleConfigurationTest {

    private static final Path EXAMPLE = Path.of("jobs/audit.example.yml");

    @Test
    void theExampleShowsEveryKeyOfTheConfigurationModelAndNoOther() throws Exception {
        TreeSet<String> model = new TreeSet<>();
        keys(ConsoleSenseiProperties.class, "", model);
        model.remove("cost");
        keys(CostProperties.class, "cost.", model);

        TreeSet<String> example = new TreeSet<>();
        Map<?, ?> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(uncommented(Files.readString(EXAMPLE)));
        flatten((Map<?, ?>) root.get("consolesensei"), "", example);

        assertThat(example).as("keys of %s", EXAMPLE).containsExactlyElementsOf(model);
    }

    /** Commented-out keys ({@code   # key: value}) made into keys, at their indentation. */
    private static String uncommented(String yaml) {
        return yaml.lines().map(l -> l.matches("\\s*# ?\\s*[a-z][a-z0-9-]*:( .*)?")
                        ? l.replaceFirst("# ?", "") : l)
                .collect(Collectors.joining("\n"));
    }

    private static void keys(Class<?> record, String prefix, TreeSet<String> out) {
        for (RecordComponent c : record.getRecordComponents()) {
            String key = prefix + kebab(c.getName());
            Class<?> type = c.getType();
            if (type.isRecord()) {
                keys(type, key + ".", out);
            } else if (List.class.isAssignableFrom(type) && element(c.getGenericType()).isRecord()) {
                keys(element(c.getGenericType()), key + "[].", out);
            } else {
                out.add(key);
            }
        }
    }

    private static Class<?> element(Type listType) {
        Type t = ((ParameterizedType) listType).getActualTypeArguments()[0];
        return t instanceof Class<?> c ? c : Object.class;
    }

    private static void flatten(Map<?, ?> map, String prefix, TreeSet<String> out) {
        map.forEach((k, v) -> {
            String key = prefix + k;
            if (key.equals("checks")) {
                out.add(key);
            } else if (v instanceof Map<?, ?> m) {
                flatten(m, key + ".", out);
            } else if (v instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?>) {
                list.forEach(item -> flatten((Map<?, ?>) item, key + "[].", out));
            } else {
                out.add(key);
            }
        });
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
