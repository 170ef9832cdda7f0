package io.quarkiverse.arenacache.inspect;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The parts of the snapshot endpoint's JSON the views compute with. Built by {@link SnapshotReader} from Jackson's tree
 * model (no reflective binding, so the tool stays native-image friendly). The raw {@code settings} and {@code stats}
 * objects are kept too, so the detail view shows every field the application sends, including ones added later.
 */
public final class SnapshotModel {

    private SnapshotModel() {
    }

    /**
     * One cache: its headline numbers, the raw settings/stats objects, and its shards (may be empty). A closed cache
     * has released its memory and has no settings or statistics: {@link #statsAvailable()} is false, the raw objects
     * are {@code null} and the numbers 0.
     */
    public record CacheView(String name, boolean closed, long entries, long bytesUsed, long maxMemory, long hits,
            long misses, long evictions, long expirations, long rejections, long loadSuccesses, long loadFailures,
            ObjectNode settings, ObjectNode stats, List<ShardView> shards) {

        public boolean statsAvailable() {
            return stats != null;
        }

        /** Hits over all lookups, or -1 when nothing was looked up yet. */
        public double hitRatio() {
            long lookups = hits + misses;
            return lookups <= 0 ? -1 : (double) hits / lookups;
        }
    }

    /** One shard of a cache and its ring of generations. */
    public record ShardView(int index, long entries, long bytesUsed, long bytesCommitted, long indexCapacity,
            List<GenerationView> generations) {
    }

    /**
     * One generation slab of a shard. {@code bytesWritten} counts everything appended since the slab was recycled,
     * {@code bytesUsed} only what live entries still occupy; the difference is dead space reclaimed at retirement.
     */
    public record GenerationView(int slot, long epoch, long entries, long bytesUsed, long bytesWritten, long capacity,
            boolean head) {
    }
}
