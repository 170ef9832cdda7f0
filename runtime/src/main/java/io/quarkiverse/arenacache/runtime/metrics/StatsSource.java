package io.quarkiverse.arenacache.runtime.metrics;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.CacheStats;

/**
 * Reads a cache's stats for meter functions. A closed cache throws on {@code stats()}, so the last stats seen are
 * kept and reported instead: counters must never go backwards and a scrape must never fail.
 */
final class StatsSource {

    private static final CacheStats NONE = new CacheStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private final ArenaCache<?, ?> cache;
    private volatile CacheStats lastSeen = NONE;

    StatsSource(ArenaCache<?, ?> cache) {
        this.cache = cache;
    }

    CacheStats stats() {
        if (cache.isClosed()) {
            return lastSeen;
        }
        try {
            CacheStats stats = cache.stats();
            lastSeen = stats;
            return stats;
        } catch (IllegalStateException closedMeanwhile) {
            return lastSeen;
        }
    }

    /** @return the live entry count; 0 once the cache is closed, since its memory is gone */
    long entries() {
        return cache.isClosed() ? 0 : stats().entries();
    }
}
