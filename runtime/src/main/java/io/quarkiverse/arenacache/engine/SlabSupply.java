package io.quarkiverse.arenacache.engine;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Allocates the slabs of one shard's ring, at most {@code ringSize} of them, preferably one ahead of need and
 * outside the shard's lock.
 * <p>
 * Allocating a slab zero-fills and faults in tens of megabytes. Done under the shard lock, it stalled every reader
 * of the shard that fell back to taking the lock for up to a few hundred milliseconds (seen in the 4 GiB GC-impact
 * run while the ring filled). So a writer that finds the head slab nearly full {@link #prepare prepares} the next
 * slab before it takes the lock, and {@link #take} (under the lock) hands it over; only a write that outruns the
 * preparation allocates inline.
 * <p>
 * One flag serializes all allocation, whether ahead or inline, so the ring never gets more than {@code ringSize}
 * slabs: the memory of a slab allocated in the shared arena is only freed when the cache closes.
 */
final class SlabSupply {

    private final Arena arena;
    private final long slabBytes;
    private final int ringSize;
    private final AtomicBoolean allocating = new AtomicBoolean();
    /** Slabs handed to the ring; changed only by {@link #take}, under the shard's lock. */
    private volatile int handedOut;
    /** A slab allocated ahead and not yet taken, or null. Set only while {@link #allocating} is held. */
    private volatile MemorySegment prepared;
    private volatile long bytesCommitted;

    SlabSupply(Arena arena, long slabBytes, int ringSize) {
        this.arena = arena;
        this.slabBytes = slabBytes;
        this.ringSize = ringSize;
    }

    /** @return whether {@link #prepare} could do anything: the ring lacks slabs and none is ready */
    boolean canPrepare() {
        return handedOut < ringSize && prepared == null;
    }

    /**
     * Allocates the next slab ahead, outside the shard's lock, unless one is ready, being allocated, or the ring has
     * all its slabs. An arena closed meanwhile is ignored here: the write that follows reports the closed cache.
     */
    void prepare() {
        if (!allocating.compareAndSet(false, true)) {
            return;
        }
        try {
            if (prepared == null && handedOut < ringSize) {
                prepared = allocate();
            }
        } catch (IllegalStateException closed) {
            // the cache was closed: nothing to prepare
        } finally {
            allocating.set(false);
        }
    }

    /**
     * Hands the next slab to the ring, under the shard's lock: the prepared one, or one allocated now. Waits
     * (spinning) while a preparation outside the lock is under way, so the two never both allocate.
     */
    MemorySegment take() {
        if (handedOut >= ringSize) {
            throw new IllegalStateException("the ring already has its " + ringSize + " slabs");
        }
        while (true) {
            MemorySegment ready = prepared;
            if (ready != null) {
                return handOver(ready);
            }
            if (allocating.compareAndSet(false, true)) {
                try {
                    ready = prepared;
                    return handOver(ready != null ? ready : allocate());
                } finally {
                    allocating.set(false);
                }
            }
            Thread.onSpinWait();
        }
    }

    /**
     * Counts the slab as handed out before clearing {@link #prepared}: a preparer that then sees no prepared slab
     * also sees the new count, so it never allocates a slab beyond the ring.
     */
    private MemorySegment handOver(MemorySegment slab) {
        handedOut = handedOut + 1;
        prepared = null;
        return slab;
    }

    /** @return bytes of every slab allocated so far, prepared ones included */
    long bytesCommitted() {
        return bytesCommitted;
    }

    private MemorySegment allocate() {
        MemorySegment slab = arena.allocate(slabBytes, Long.BYTES);
        bytesCommitted = bytesCommitted + slabBytes;
        return slab;
    }
}
