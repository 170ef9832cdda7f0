package io.quarkiverse.arenacache.it.observe;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of {@code /q/metrics} in the Prometheus text format, parsed into series: {@code name{labels} value}.
 */
final class PrometheusScrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Map<String, Map<Map<String, String>, Double>> series = new HashMap<>();

    static PrometheusScrape scrape() {
        String text = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        return new PrometheusScrape(text);
    }

    PrometheusScrape(String text) {
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line.strip());
            if (!sample.matches()) {
                throw new IllegalArgumentException("Not a Prometheus sample line: " + line);
            }
            Map<String, String> labels = new HashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            series.computeIfAbsent(sample.group(1), n -> new HashMap<>())
                    .put(labels, Double.parseDouble(sample.group(3)));
        }
    }

    /**
     * @return the value of the one series named {@code name} whose labels include {@code cache=<cache>} and the
     *         given label pairs
     * @throws AssertionError when there is no such series, or more than one
     */
    double value(String name, String cache, String... labelPairs) {
        Map<String, String> wanted = new HashMap<>();
        wanted.put("cache", cache);
        for (int i = 0; i < labelPairs.length; i += 2) {
            wanted.put(labelPairs[i], labelPairs[i + 1]);
        }
        var matches = series.getOrDefault(name, Map.of()).entrySet().stream()
                .filter(e -> e.getKey().entrySet().containsAll(wanted.entrySet()))
                .toList();
        if (matches.size() != 1) {
            throw new AssertionError("Expected one series " + name + wanted + ", found " + matches.size() + ": "
                    + series.getOrDefault(name, Map.of()).keySet());
        }
        return matches.get(0).getValue();
    }

    /** @return whether any series carries the label {@code cache=<cache>} */
    boolean hasSeriesFor(String cache) {
        return series.values().stream().flatMap(s -> s.keySet().stream())
                .anyMatch(labels -> cache.equals(labels.get("cache")));
    }
}
