package io.quarkiverse.arenacache.engine;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

/**
 * An off-heap open-addressing table (linear probing, backward-shift deletion, so no tombstones) of 16-byte slots:
 * the key's full 64-bit hash and its {@link Location} word. Each table has its own shared arena, closed as soon as
 * a bigger table replaces it, so a resize frees the old memory at once; readers racing that close get an
 * {@link IllegalStateException} and retry.
 * <p>
 * Mutated only under the shard's lock, except for {@link #markReferenced}, a CAS readers may do.
 */
final class IndexTable {

    static final int SLOT_BYTES = 16;
    static final int MAX_CAPACITY = 1 << 30;
    private static final VarHandle LONG_HANDLE = JAVA_LONG.varHandle();

    private final Arena arena;
    private final MemorySegment slots;
    final int mask;

    IndexTable(int capacity) {
        this.arena = Arena.ofShared();
        this.slots = arena.allocate((long) capacity * SLOT_BYTES, SLOT_BYTES);
        this.mask = capacity - 1;
    }

    int capacity() {
        return mask + 1;
    }

    long bytes() {
        return (long) capacity() * SLOT_BYTES;
    }

    /** @return the largest number of entries before the table should grow (load factor 3/4) */
    long threshold() {
        return (long) capacity() * 3 / 4;
    }

    long hashAt(int slot) {
        return slots.get(JAVA_LONG, (long) slot * SLOT_BYTES);
    }

    long locationAt(int slot) {
        return slots.get(JAVA_LONG, (long) slot * SLOT_BYTES + Long.BYTES);
    }

    void set(int slot, long hash, long location) {
        slots.set(JAVA_LONG, (long) slot * SLOT_BYTES, hash);
        slots.set(JAVA_LONG, (long) slot * SLOT_BYTES + Long.BYTES, location);
    }

    void setLocation(int slot, long location) {
        slots.set(JAVA_LONG, (long) slot * SLOT_BYTES + Long.BYTES, location);
    }

    /** Sets the referenced bit with a CAS, so a racing writer's update is never overwritten by a reader. */
    void markReferenced(int slot, long location) {
        if (!Location.isReferenced(location)) {
            LONG_HANDLE.compareAndSet(slots, (long) slot * SLOT_BYTES + Long.BYTES, location,
                    location | Location.REFERENCED);
        }
    }

    /** Adds a slot for a hash known to be absent. */
    void insert(long hash, long location) {
        int slot = (int) hash & mask;
        while (locationAt(slot) != Location.EMPTY) {
            slot = (slot + 1) & mask;
        }
        set(slot, hash, location);
    }

    /** @return the slot whose location's {@link Location#address address} is {@code location}, or -1 */
    int findLocation(long hash, long location) {
        int slot = (int) hash & mask;
        for (int probes = 0; probes <= mask; probes++) {
            long at = locationAt(slot);
            if (at == Location.EMPTY) {
                return -1;
            }
            if (Location.address(at) == location) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** Empties {@code slot}, shifting later slots of the same probe run back so lookups need no tombstones. */
    void delete(int slot) {
        int hole = slot;
        int next = slot;
        while (true) {
            next = (next + 1) & mask;
            long location = locationAt(next);
            if (location == Location.EMPTY) {
                break;
            }
            long hash = hashAt(next);
            int home = (int) hash & mask;
            if (((next - home) & mask) >= ((next - hole) & mask)) {
                set(hole, hash, location);
                hole = next;
            }
        }
        set(hole, 0, Location.EMPTY);
    }

    void clear() {
        slots.fill((byte) 0);
    }

    void close() {
        ArenaCloser.close(arena);
    }
}
