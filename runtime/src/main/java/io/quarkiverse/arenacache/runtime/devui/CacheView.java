package io.quarkiverse.arenacache.runtime.devui;

import java.util.List;

/**
 * What the Dev UI shows of one cache: its settings, a copy of its counters and its memory occupancy. Holds no keys
 * or values. Plain fields only, so the Dev UI's JSON mapper needs no configuration.
 *
 * @param name the cache name
 * @param keyType the key type as far as the key codec tells it ({@code String}, {@code Long}, ... or
 *        {@code custom codec CodecClass})
 * @param keyActions whether keys typed as text can be looked up and invalidated
 * @param closed whether the cache is closed (e.g. during a dev-mode restart); all else but the name is then
 *        zero, empty or {@code null}
 * @param maxMemory the memory budget for entry data, in bytes
 * @param expireAfterWrite the cache-wide time-to-live in ISO-8601 form, or {@code null} when entries do not expire
 * @param hitRatio hits divided by requests; {@code 0} when there was no request yet ({@code requests} tells)
 * @param generationOccupancy one element per generation age, newest ({@code age} 0) first, summed over shards
 * @param shardOccupancy one element per shard
 */
public record CacheView(
        String name,
        String keyType,
        boolean keyActions,
        boolean closed,
        long maxMemory,
        int shards,
        int generations,
        long generationBytes,
        long maxEntryBytes,
        String expireAfterWrite,
        long requests,
        long hits,
        long misses,
        double hitRatio,
        long puts,
        long entries,
        long bytesUsed,
        long bytesCommitted,
        long evictions,
        long expirations,
        long rejections,
        long explicitRemovals,
        long generationRotations,
        List<GenerationOccupancy> generationOccupancy,
        List<ShardOccupancy> shardOccupancy) {

    /**
     * The generations of one age across all shards.
     *
     * @param age 0 for the generation new writes go to, 1 for the one before it, and so on
     * @param slabs how many shards have a slab of that age allocated
     * @param entries live entries in those slabs
     * @param bytesUsed bytes of live entries in those slabs
     * @param capacity bytes of a generation slab times the number of shards (allocated or not)
     */
    public record GenerationOccupancy(int age, int slabs, long entries, long bytesUsed, long capacity) {
    }

    /**
     * One shard.
     *
     * @param index the shard's position
     * @param entries live entries in the shard
     * @param bytesUsed bytes of live entries
     * @param capacity the shard's share of the memory budget
     */
    public record ShardOccupancy(int index, long entries, long bytesUsed, long capacity) {
    }
}
