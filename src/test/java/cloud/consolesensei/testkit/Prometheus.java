package cloud.consolesensei.testkit;

import java.util.List;

/** Reads samples from a Prometheus text scrape ({@code GET /actuator/prometheus}). */
public final class Prometheus {

    private Prometheus() {
    }

    /**
     * The sum of the samples of the series {@code name} (e.g. {@code consolesensei_partitions_total})
     * whose labels include every one of {@code labels} (written as in the scrape: {@code status="COMPLETED"});
     * 0 when there is none.
     */
    public static double sum(String scrape, String name, String... labels) {
        return scrape.lines().filter(l -> !l.startsWith("#"))
                .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> {
                    String set = l.startsWith(name + "{") ? l.substring(name.length(), l.lastIndexOf('}') + 1) : "";
                    return List.of(labels).stream().allMatch(label -> set.contains("{" + label) || set.contains("," + label));
                })
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
