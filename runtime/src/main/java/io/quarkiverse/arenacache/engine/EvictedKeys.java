package io.quarkiverse.arenacache.engine;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Remembers recently evicted keys (a 31-bit fingerprint of the hash) and which region evicted them: the window
 * (a candidate that lost its duel) or the main region (a victim). A miss on a key remembered here says which region
 * was too small, as ARC's ghost lists do; {@link WindowTinyLfuPolicy} moves the window's share accordingly. A hint
 * from the window carries its shard's window eviction count at the time, so the policy can tell a recent eviction
 * from an old one.
 * <p>
 * Direct-mapped, 8-byte slots (one per one or two entries of the full cache), off-heap in the cache's arena: a
 * newer eviction overwrites an older one. Racy like the sketch: a lost or torn hint only blurs the adaptation.
 */
final class EvictedKeys {

    static final int FROM_WINDOW = 1;
    static final int FROM_MAIN = 2;
    /** Flag: the key was evicted as the loser of an admission duel (a refused candidate or a defeated victim). */
    static final int LOST_DUEL = 4;
    private static final long STAMP_MASK = 0x1FFF_FFFFL;
    private static final int MIN_SLOTS = 64;

    private final Arena arena;
    private final long maxSlots;
    private volatile MemorySegment slots;
    private volatile long committed;

    /** @param maxMemory the budget: at most one slot per 64 bytes of it */
    EvictedKeys(long maxMemory, Arena arena) {
        this.arena = arena;
        this.maxSlots = Math.max(MIN_SLOTS, Long.highestOneBit(Math.max(1, maxMemory / 64)));
        this.slots = allocate(MIN_SLOTS);
    }

    private MemorySegment allocate(long count) {
        MemorySegment segment = arena.allocate(count * Long.BYTES, Long.BYTES);
        committed += segment.byteSize();
        return segment;
    }

    /**
     * Told the entry count of the full cache: one slot per one or two entries (the power of two just below the
     * count: 4 to 8 off-heap bytes per entry; a table twice as big measured no better), at most one per 64 bytes
     * of budget. Rare, so synchronized.
     */
    synchronized void ensureCapacity(long entries) {
        long wanted = Math.min(maxSlots, Long.highestOneBit(Math.max(1, entries - 1)));
        if (wanted > slots.byteSize() / Long.BYTES) {
            slots = allocate(wanted); // the old table's hints are few and recent; they are simply dropped
        }
    }

    /**
     * @param stamp for a window eviction, the shard's window eviction count (its clock), so a later miss can tell how
     *        long ago; 0 for a main-region eviction, whose age is never asked
     */
    void record(long hash, int kind, long stamp) {
        MemorySegment table = slots;
        table.setAtIndex(JAVA_LONG, index(table, hash),
                ((long) fingerprint(hash) << 32) | ((stamp & STAMP_MASK) << 3) | kind);
    }

    /**
     * @return the slot's word if it remembers {@code hash} (see {@link #region} and {@link #age}), else 0; the hint
     *         is used up
     */
    long take(long hash) {
        MemorySegment table = slots;
        long index = index(table, hash);
        long stored = table.getAtIndex(JAVA_LONG, index);
        if (stored == 0 || (int) (stored >>> 32) != fingerprint(hash)) {
            return 0;
        }
        table.setAtIndex(JAVA_LONG, index, 0);
        return stored;
    }

    static int region(long taken) {
        return (int) taken & 3;
    }

    /** @return whether the key was evicted as the loser of an admission duel */
    static boolean lostDuel(long taken) {
        return (taken & LOST_DUEL) != 0;
    }

    /** @return how many evictions of the same region happened since, given that region's clock now */
    static long age(long taken, long clock) {
        return ((clock & STAMP_MASK) - ((taken >>> 3) & STAMP_MASK)) & STAMP_MASK;
    }

    long bytes() {
        return committed;
    }

    private static int fingerprint(long hash) {
        return (int) (hash >>> 32) | 1; // never 0, so an empty slot never matches
    }

    /** Multiply-shift on the low half, independent of the fingerprint's bits. */
    private static long index(MemorySegment table, long hash) {
        long count = table.byteSize() / Long.BYTES;
        return ((hash & 0xFFFF_FFFFL) * count) >>> 32;
    }
}
