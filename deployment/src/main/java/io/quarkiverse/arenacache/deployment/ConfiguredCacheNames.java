package io.quarkiverse.arenacache.deployment;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.microprofile.config.Config;

/**
 * Finds the cache names used in configuration, build-time and run-time properties alike: which caches exist is
 * decided at build time, even for caches whose only configured properties are run-time ones.
 */
final class ConfiguredCacheNames {

    static final String PREFIX = "quarkus.arena-cache.";
    /** The properties a cache section may contain; also names a cache may not have. */
    static final Set<String> CACHE_PROPERTIES = Set.of("max-memory", "expire-after-write", "shards", "generations",
            "key-codec", "value-codec", "metrics-enabled");
    /** Configuration groups of other parts of the extension under {@code quarkus.arena-cache}. */
    static final Set<String> RESERVED_GROUPS = Set.of("metrics", "tracing", "snapshot", "health", "dev-ui");

    private ConfiguredCacheNames() {
    }

    /** @return cache name to one property that configures it */
    static Map<String, String> find(Config config) {
        Map<String, String> names = new TreeMap<>();
        for (String property : config.getPropertyNames()) {
            if (!property.startsWith(PREFIX)) {
                continue;
            }
            String rest = property.substring(PREFIX.length());
            String name;
            String remainder;
            if (rest.startsWith("\"")) {
                int close = rest.indexOf('"', 1);
                if (close < 0 || close + 1 >= rest.length() || rest.charAt(close + 1) != '.') {
                    continue;
                }
                name = rest.substring(1, close);
                remainder = rest.substring(close + 2);
            } else {
                int dot = rest.indexOf('.');
                if (dot < 0) {
                    continue;
                }
                name = rest.substring(0, dot);
                remainder = rest.substring(dot + 1);
            }
            if (CACHE_PROPERTIES.contains(remainder)) {
                names.putIfAbsent(name, property);
            }
        }
        return names;
    }

    /** @return why {@code name} may not name a cache, or {@code null} when it may */
    static String reservedReason(String name) {
        if (name.isBlank()) {
            return "a cache name must not be blank";
        }
        if (RESERVED_GROUPS.contains(name)) {
            return "'" + name + "' is reserved for the configuration group " + PREFIX + name + ".*";
        }
        if (CACHE_PROPERTIES.contains(name)) {
            return "'" + name + "' is the name of a cache property (" + PREFIX + "\"<cache-name>\"." + name + ")";
        }
        return null;
    }

    static String reservedNames() {
        return String.join(", ", new java.util.TreeSet<>(union()));
    }

    private static Set<String> union() {
        java.util.Set<String> all = new java.util.HashSet<>(RESERVED_GROUPS);
        all.addAll(CACHE_PROPERTIES);
        return all;
    }
}
