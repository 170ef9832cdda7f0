package io.quarkiverse.arenacache.engine;

/**
 * Decides which entries of a retiring generation slab survive (are compacted into the slab's new life as the
 * head) and which are evicted. Kept apart from the mechanics so the policy can be improved and measured alone.
 * <p>
 * Current policy: CLOCK-style second chance. An entry read since it was written (or since its last second chance)
 * survives once, within a byte budget that guarantees every rotation frees room for the entry being written.
 */
final class SecondChancePolicy {

    /**
     * @param referenced whether a reader marked the entry since it was written or last retained
     * @param hash the key's hash
     * @param entryBytes the entry's size, header included
     * @param retainedBytes bytes already retained from this slab
     * @param budget the most bytes this rotation may retain
     * @return whether to keep the entry
     */
    boolean retain(boolean referenced, long hash, int entryBytes, long retainedBytes, long budget) {
        return referenced && retainedBytes + entryBytes <= budget;
    }

    /** Told about every hit; the current policy needs nothing beyond the index's referenced bit. */
    void recordHit(long hash) {
    }
}
