package io.quarkiverse.arenacache.engine;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import io.quarkiverse.arenacache.RemovalCause;

/**
 * Removals collected under a shard lock for the eviction listener, delivered after the lock is released. Stored
 * entries are copied out as raw bytes (their slab may be overwritten at once) and decoded only at delivery, so a
 * failing codec never runs under a lock. Only created when a listener exists.
 */
final class Removals {

    /** One removal: either the raw bytes of a stored entry, or the objects of an entry that was never stored. */
    record Removal(byte[] keyBytes, byte[] valueBytes, Object key, Object value, RemovalCause cause) {
    }

    private List<Removal> removals;

    void addStored(MemorySegment slab, long valueOffset, int keyLength, int valueLength, RemovalCause cause) {
        byte[] key = new byte[keyLength];
        byte[] value = new byte[valueLength];
        MemorySegment.copy(slab, JAVA_BYTE, valueOffset - keyLength, key, 0, keyLength);
        MemorySegment.copy(slab, JAVA_BYTE, valueOffset, value, 0, valueLength);
        list().add(new Removal(key, value, null, null, cause));
    }

    void addObjects(Object key, Object value, RemovalCause cause) {
        list().add(new Removal(null, null, key, value, cause));
    }

    List<Removal> drain() {
        List<Removal> drained = removals == null ? List.of() : removals;
        removals = null;
        return drained;
    }

    private List<Removal> list() {
        if (removals == null) {
            removals = new ArrayList<>();
        }
        return removals;
    }
}
