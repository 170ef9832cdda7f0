package io.quarkiverse.arenacache.runtime;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.CacheStats;
import io.quarkiverse.arenacache.Codecs;
import io.quarkiverse.arenacache.Ticker;

/**
 * Real engine caches driven through a known sequence of operations, for the observability tests. Time comes from
 * a hand-moved ticker.
 */
public final class ObservedCaches {

    /** Known traffic: the exact counters {@link #driveKnownTraffic} produces. */
    public static final long HITS = 3;
    public static final long MISSES = 4;
    public static final long PUTS = 4;
    public static final long LOAD_SUCCESSES = 1;
    public static final long LOAD_FAILURES = 1;
    public static final long LOAD_NANOS = 7_000_000;
    public static final long EXPIRATIONS = 1;
    public static final long REJECTIONS = 1;
    public static final long EXPLICIT_REMOVALS = 1;

    public final AtomicLong nanos = new AtomicLong();
    public final Ticker ticker = nanos::get;

    /** A small cache: one shard of two 32 KiB generations, so a few hundred writes force evictions. */
    public ArenaCache<String, String> smallCache(String name) {
        return ArenaCache.builder(Codecs.strings(), Codecs.strings())
                .name(name)
                .maxMemory(64 * 1024)
                .shards(1)
                .generations(2)
                .expireAfterWrite(Duration.ofMinutes(10))
                .ticker(ticker)
                .build();
    }

    /**
     * Puts "a", "b", a short-lived "ttl" and an oversized value; reads two hits and one miss; loads "c" (the
     * loader takes {@link #LOAD_NANOS} of ticker time) and reads it; fails a load; lets "ttl" expire; invalidates
     * "b".
     */
    public void driveKnownTraffic(ArenaCache<String, String> cache) {
        cache.put("a", "1"); // put 1
        cache.put("b", "2"); // put 2
        cache.put("ttl", "x", Duration.ofSeconds(1)); // put 3
        cache.put("huge", "x".repeat((int) cache.settings().maxEntryBytes() + 1)); // rejection 1
        cache.get("a"); // hit 1
        cache.get("a"); // hit 2
        cache.get("absent"); // miss 1
        cache.getOrLoad("c", key -> { // miss 2, load success 1, put 4
            nanos.addAndGet(LOAD_NANOS);
            return "3";
        });
        cache.getOrLoad("c", key -> "never"); // hit 3
        try {
            cache.getOrLoad("d", key -> { // miss 3, load failure 1
                throw new IllegalStateException("backend down");
            });
        } catch (IllegalStateException expected) {
            // the failure reaches the caller and caches nothing
        }
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        cache.get("ttl"); // miss 4, expiration 1
        cache.invalidate("b"); // explicit removal 1
    }

    /**
     * Writes distinct 1 KiB values until the cache has evicted something and reused a generation slab (the engine
     * empties the oldest slab entry by entry, so the first evictions come before the first slab is reused).
     */
    public static void forceEvictions(ArenaCache<String, String> cache) {
        String value = "v".repeat(1024);
        for (int i = 0; i < 1_000 && !evictedAndRotated(cache.stats()); i++) {
            cache.put("filler-" + i, value);
        }
        if (!evictedAndRotated(cache.stats())) {
            throw new AssertionError("1000 writes of 1 KiB did not evict and rotate in " + cache.settings());
        }
    }

    private static boolean evictedAndRotated(CacheStats stats) {
        return stats.evictions() > 0 && stats.generationRotations() > 0;
    }
}
