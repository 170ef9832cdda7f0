package io.quarkiverse.arenacache;

/**
 * A point-in-time copy of a cache's counters and gauges. Counters only grow until the cache is closed.
 *
 * @param hits lookups ({@code get}, {@code read}, {@code getOrLoad}) that found a live value
 * @param misses lookups that found nothing (absent, expired or evicted)
 * @param puts values stored (explicit puts and successful loads); rejected puts are not counted
 * @param evictions entries removed to stay within the memory budget ({@link RemovalCause#SIZE}), including new
 *        entries the admission policy refused in favour of more popular ones
 * @param evictionBytes bytes (entry headers included) those evictions freed
 * @param expirations entries removed because their time-to-live passed ({@link RemovalCause#EXPIRED})
 * @param rejections entries refused because they are larger than a generation slab ({@link RemovalCause#REJECTED})
 * @param explicitRemovals entries removed by {@code invalidate}, {@code invalidateIf} or {@code invalidateAll}
 * @param loadSuccesses loader invocations that produced a value
 * @param loadFailures loader invocations that threw or produced {@code null}
 * @param totalLoadTimeNanos time spent in loader invocations, successful or not
 * @param generationRotations how many times a full generation slab was retired and reused
 * @param entries live entries now
 * @param bytesUsed bytes of live entries (headers included) in the slabs now; never above {@code maxMemory}
 * @param bytesCommitted off-heap bytes allocated now: slabs plus index tables plus the eviction policy's tables
 *        (frequency sketch, evicted-key hints); the slabs of a full cache exceed {@code maxMemory} by one spare slab
 *        per shard ({@code maxMemory / generations} in all), which lets live entries fill the whole budget
 * @param maxMemory the memory budget for entry data, in bytes
 */
public record CacheStats(
        long hits,
        long misses,
        long puts,
        long evictions,
        long evictionBytes,
        long expirations,
        long rejections,
        long explicitRemovals,
        long loadSuccesses,
        long loadFailures,
        long totalLoadTimeNanos,
        long generationRotations,
        long entries,
        long bytesUsed,
        long bytesCommitted,
        long maxMemory) {

    /** @return hits plus misses */
    public long requestCount() {
        return hits + misses;
    }

    /** @return hits divided by requests, or 1.0 when there were no requests (as Caffeine reports it) */
    public double hitRatio() {
        long requests = requestCount();
        return requests == 0 ? 1.0 : (double) hits / requests;
    }

    /** @return the number of loader invocations */
    public long loadCount() {
        return loadSuccesses + loadFailures;
    }

    /** @return the average time of a loader invocation in nanoseconds, or 0 when there was none */
    public double averageLoadPenaltyNanos() {
        long loads = loadCount();
        return loads == 0 ? 0.0 : (double) totalLoadTimeNanos / loads;
    }
}
