package io.quarkiverse.arenacache;

import java.util.List;

/**
 * How a cache's memory is occupied, shard by shard and generation by generation. Holds no keys or values.
 *
 * @param shards one element per shard, in shard order
 */
public record CacheLayout(List<Shard> shards) {

    public CacheLayout {
        shards = List.copyOf(shards);
    }

    /**
     * One shard.
     *
     * @param index the shard's position
     * @param entries live entries in the shard
     * @param bytesUsed bytes of live entries
     * @param bytesCommitted off-heap bytes allocated: slabs plus the index table plus an equal share of the
     *        cache's policy tables
     * @param indexCapacity slots in the shard's off-heap index table
     * @param generations the shard's generation ring, oldest first; slabs not yet allocated are absent
     */
    public record Shard(int index, long entries, long bytesUsed, long bytesCommitted, long indexCapacity,
            List<Generation> generations) {

        public Shard {
            generations = List.copyOf(generations);
        }
    }

    /**
     * One generation slab.
     *
     * @param slot the slab's position in the shard's ring
     * @param epoch how many times the slab has been (re)started; grows at every rotation
     * @param entries live entries in the slab
     * @param bytesUsed bytes of live entries in the slab
     * @param bytesWritten bytes appended since the slab was (re)started, live or dead
     * @param capacity the slab's size in bytes
     * @param head whether new writes go to this slab
     */
    public record Generation(int slot, long epoch, long entries, long bytesUsed, long bytesWritten, long capacity,
            boolean head) {
    }
}
