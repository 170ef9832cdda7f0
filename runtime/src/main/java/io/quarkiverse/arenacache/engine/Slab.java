package io.quarkiverse.arenacache.engine;

import java.lang.foreign.MemorySegment;

/**
 * One generation slab of a shard's ring. The segments are fixed for the slab's life (it is recycled in place);
 * the counters are written only under the shard's lock.
 */
final class Slab {

    final MemorySegment segment;
    /** Handed to codecs and value readers; created once so that reads allocate nothing. */
    final MemorySegment readOnly;
    /** Bytes appended since the slab was (re)started, live or dead. */
    long written;
    long liveEntries;
    long liveBytes;
    /** Live entries of the admission window in this slab: lets the window cursor skip slabs that hold none. */
    long windowEntries;
    /**
     * No live window entry lies before this offset (window entries are only appended, or moved down by a
     * compaction that resets it): lets the window cursor skip a compacted prefix of main-region entries in O(1).
     */
    long windowStart;
    /** How many times the slab has become the head. */
    long epoch;

    Slab(MemorySegment segment) {
        this.segment = segment;
        this.readOnly = segment.asReadOnly();
    }

    void reset() {
        written = 0;
        liveEntries = 0;
        liveBytes = 0;
        windowEntries = 0;
        windowStart = 0;
    }
}
