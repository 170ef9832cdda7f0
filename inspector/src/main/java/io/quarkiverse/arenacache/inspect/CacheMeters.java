package io.quarkiverse.arenacache.inspect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.arenacache.inspect.PrometheusText.Sample;
import io.quarkiverse.arenacache.inspect.TextTable.Align;

/**
 * The cache meters among all of an application's Prometheus samples: names starting with {@code cache_} (Micrometer's
 * cache conventions) or {@code arena_cache_} (arena-specific meters) that carry a {@code cache} label, grouped by that
 * label. Other caches' meters (e.g. a Caffeine cache) appear as well: they share the conventions.
 */
public record CacheMeters(Map<String, List<Sample>> byCache) {

    /** The label that names the cache. */
    public static final String CACHE_LABEL = "cache";

    public static CacheMeters select(List<Sample> samples) {
        Map<String, List<Sample>> byCache = new TreeMap<>();
        for (Sample sample : samples) {
            String cache = sample.labels().get(CACHE_LABEL);
            if (cache != null && isCacheMeter(sample.name())) {
                byCache.computeIfAbsent(cache, name -> new ArrayList<>()).add(sample);
            }
        }
        byCache.values().forEach(meters -> meters.sort(DISPLAY_ORDER));
        return new CacheMeters(byCache);
    }

    /** Micrometer's standard cache meters first, then the arena-specific ones; by name, then by labels. */
    private static final Comparator<Sample> DISPLAY_ORDER = Comparator
            .comparing((Sample sample) -> sample.name().startsWith("arena_cache_"))
            .thenComparing(Sample::name)
            .thenComparing(sample -> otherLabels(sample).toString());

    static boolean isCacheMeter(String name) {
        return name.startsWith("cache_") || name.startsWith("arena_cache_");
    }

    /** Only the named cache's meters (possibly none). */
    public CacheMeters only(String cache) {
        List<Sample> samples = byCache.get(cache);
        return new CacheMeters(samples == null ? Map.of() : Map.of(cache, samples));
    }

    public boolean isEmpty() {
        return byCache.isEmpty();
    }

    public String render() {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, List<Sample>> cache : byCache.entrySet()) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(cache.getKey()).append('\n');
            TextTable table = new TextTable().column("METER", Align.LEFT).column("VALUE", Align.RIGHT);
            for (Sample sample : cache.getValue()) {
                table.row(meter(sample), value(sample));
            }
            text.append(table.render().indent(2));
        }
        return text.toString();
    }

    /** {@code {"users":[{"name":"cache_gets_total","labels":{"result":"hit"},"value":12.0}]}} */
    public ObjectNode toJson() {
        ObjectNode root = Json.newObject();
        for (Map.Entry<String, List<Sample>> cache : byCache.entrySet()) {
            ArrayNode meters = root.putArray(cache.getKey());
            for (Sample sample : cache.getValue()) {
                ObjectNode meter = meters.addObject();
                meter.put("name", sample.name());
                ObjectNode labels = meter.putObject("labels");
                otherLabels(sample).forEach(labels::put);
                if (Double.isFinite(sample.value())) {
                    meter.put("value", sample.value());
                } else {
                    meter.put("value", sample.valueText());
                }
            }
        }
        return root;
    }

    /** The meter name with its labels other than {@code cache}: {@code cache_gets_total{result="hit"}}. */
    static String meter(Sample sample) {
        Map<String, String> labels = otherLabels(sample);
        if (labels.isEmpty()) {
            return sample.name();
        }
        return sample.name() + labels.entrySet().stream()
                .map(label -> label.getKey() + "=\"" + label.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** Whole numbers grouped ({@code 1,234}); byte meters also in binary units; others as a plain decimal. */
    static String value(Sample sample) {
        double value = sample.value();
        if (!Double.isFinite(value)) {
            return sample.valueText();
        }
        boolean whole = value == Math.rint(value) && Math.abs(value) < 1e15;
        if (!whole) {
            return String.format(Locale.ROOT, "%.6g", value).replaceFirst("\\.?0+(e|$)", "$1");
        }
        String count = Units.count((long) value);
        boolean bytes = sample.name().contains("bytes") || sample.name().contains("eviction_weight");
        return bytes && Math.abs(value) >= 1024 ? count + " (" + Units.bytes((long) value) + ")" : count;
    }

    private static Map<String, String> otherLabels(Sample sample) {
        Map<String, String> labels = new TreeMap<>(sample.labels());
        labels.remove(CACHE_LABEL);
        return labels;
    }
}
