package io.quarkiverse.arenacache;

/** Why an entry left the cache. */
public enum RemovalCause {
    /** Removed by {@code invalidate}, {@code invalidateIf} or {@code invalidateAll}. */
    EXPLICIT,
    /** Replaced by a newer value for the same key. */
    REPLACED,
    /** Its time-to-live passed. */
    EXPIRED,
    /** Evicted to keep the cache within its memory budget. */
    SIZE,
    /** Never stored: the entry was larger than a generation slab can hold. */
    REJECTED;

    /** @return whether the cache removed the entry on its own (not by a call of the application) */
    public boolean wasEvicted() {
        return this == EXPIRED || this == SIZE || this == REJECTED;
    }
}
