package io.quarkiverse.arenacache.engine;

/**
 * A shard's log state: the fields every put writes, under the shard's lock. They live in their own object,
 * not in {@link Shard}, so that a put never writes the cache lines lock-free readers load from the shard (its lock,
 * index table and slab arrays): with the two in one object, each put on one core made the next read of that shard
 * on another core miss. The counters are plain fields (a volatile write costs a fence on every put).
 */
final class WriteState extends WriteStateFields {

    // Padding after the fields, so that whatever the allocator puts next never shares their cache lines.
    long q0, q1, q2, q3, q4, q5, q6, q7;
}

/** The fields of {@link WriteState}, between two paddings (superclass fields come first in the object's layout). */
abstract class WriteStateFields extends WriteStatePadding {

    /** The slab new entries go to; -1 before the first write. Written under the lock. */
    int head = -1;
    /** The oldest slab in use; the slabs in use run from it to {@link #head} in ring order, the rest are free. */
    int oldest;
    int slabsInUse;
    /** Eviction cursor in the oldest slab: every entry before it has been evicted or moved to the head. */
    long evictionCursor;
    /**
     * Window cursor: every entry of the admission window ({@link Location#WINDOW}) lies at or after it in log order
     * (slab {@link #windowSlab} from {@link #windowOffset}, then the slabs up to the head). It only moves forward,
     * and restarts from the oldest slab when the slab it is in is freed or becomes the head.
     */
    int windowSlab;
    long windowOffset;
    /** Live bytes of the window's entries. */
    long windowBytes;
    /** Live bytes of the main region's protected entries ({@link Location#PROTECTED}). */
    long protectedBytes;
    /** Bytes of read entries moved to the head during the current put (capped, so every put makes progress). */
    long keptBytes;
    /** Live entries: plain, read lock-free only within a validated stamp (see {@code Shard#entries()}). */
    long entries;
    /** Live bytes, likewise. */
    long bytesUsed;

    /**
     * The shard's event counts: plain fields written under the shard's lock, where a {@code LongAdder}'s CAS (a locked
     * instruction) made every evicting put wait for its earlier stores to drain. Summed by {@code Shard#addCounts}.
     */
    long puts;
    long evictions;
    long evictionBytes;
    long expirations;
    long explicitRemovals;
    long generationRotations;

    /**
     * The shard's share of the policy's state that every eviction or duel writes: its window's eviction clock (the
     * stamp of its window hints in {@code EvictedKeys}; a key always returns to its own shard) and the carry of the
     * admission margin's error diffusion. Kept cache-wide, they made every evicting put on one core write a line the
     * other core's puts wrote too (measured: 7 % of two-thread {@code putEvict} throughput).
     */
    long windowEvictions;
    double marginCarry;

    /** Counts entries and bytes in or out. */
    void account(long entryDelta, long byteDelta) {
        entries += entryDelta;
        bytesUsed += byteDelta;
    }
}

/**
 * Padding before the fields. The {@code int} fills the gap after the object header, where the JVM would otherwise
 * place one of the subclasses' {@code int} fields, next to whatever object precedes this one in memory.
 */
abstract class WriteStatePadding {
    int gap;
    long p0, p1, p2, p3, p4, p5, p6, p7;
}
