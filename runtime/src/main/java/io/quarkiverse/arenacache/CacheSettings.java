package io.quarkiverse.arenacache;

import java.time.Duration;
import java.util.Optional;

/**
 * The settings a cache was built with, for inspection.
 *
 * @param name the cache name
 * @param maxMemory the budget for entry data in bytes, split evenly over shards and their generations
 * @param expireAfterWrite the cache-wide time-to-live, if any
 * @param shards the number of independently locked shards (a power of two)
 * @param generations the number of generation slabs per shard
 * @param generationBytes the size of one generation slab, in bytes
 * @param maxEntryBytes the largest entry (header, key and value bytes) a slab can hold; larger ones are rejected
 */
public record CacheSettings(
        String name,
        long maxMemory,
        Optional<Duration> expireAfterWrite,
        int shards,
        int generations,
        long generationBytes,
        long maxEntryBytes) {
}
