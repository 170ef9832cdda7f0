package io.quarkiverse.arenacache.runtime.metrics;

import java.util.Set;

/**
 * The names of the caches whose meters are published, decided at build time from the global and per-cache switches.
 *
 * @param names cache names
 */
public record MeteredCaches(Set<String> names) {

    public MeteredCaches {
        names = Set.copyOf(names);
    }
}
