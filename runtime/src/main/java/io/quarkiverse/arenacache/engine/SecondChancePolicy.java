package io.quarkiverse.arenacache.engine;

/**
 * Decides which entries of a retiring generation slab survive (are compacted into the slab's new life as the
 * head) and which are evicted. Kept apart from the mechanics so the policy can be improved and measured alone.
 * <p>
 * An entry survives when, within the byte budget of the rotation, either
 * <ul>
 * <li>it was read since it was written or since its last second chance (CLOCK's referenced bit), or</li>
 * <li>a {@link FrequencySketch} says its key is more popular than the key whose write forced the rotation
 * (TinyLFU's duel between the candidate and the victim: a burst of one-time keys cannot flush popular ones).</li>
 * </ul>
 * The budget guarantees that every rotation frees room for the incoming entry, so old entries always make progress
 * out of the cache. Measurements are in {@code docs/engine.md}.
 * <p>
 * One policy serves all shards of a cache. {@link #recordHit} and {@link #recordWrite} may run on any thread;
 * {@link #beginRetirement} and {@link #retain} run under a shard's write lock, and the incoming frequency is
 * remembered per thread, so shards rotating concurrently do not mix their candidates.
 */
final class SecondChancePolicy {

    private final FrequencySketch sketch;
    private final ThreadLocal<int[]> incomingFrequency = ThreadLocal.withInitial(() -> new int[1]);

    SecondChancePolicy(long maxMemory) {
        this.sketch = new FrequencySketch(maxMemory);
    }

    /** Called before a slab is retired to make room for an entry of key hash {@code incomingHash}. */
    void beginRetirement(long incomingHash) {
        incomingFrequency.get()[0] = sketch.frequency(incomingHash);
    }

    /**
     * @param referenced whether a reader marked the entry since it was written or last retained
     * @param hash the key's hash
     * @param entryBytes the entry's size, header included
     * @param retainedBytes bytes already retained from this slab
     * @param budget the most bytes this rotation may retain
     * @return whether to keep the entry
     */
    boolean retain(boolean referenced, long hash, int entryBytes, long retainedBytes, long budget) {
        if (retainedBytes + entryBytes > budget) {
            return false;
        }
        return referenced || sketch.frequency(hash) > incomingFrequency.get()[0];
    }

    /** Told about every hit (not about {@code containsKey}). */
    void recordHit(long hash) {
        sketch.increment(hash);
    }

    /** Told about every write, i.e. every miss followed by a put in cache-aside use. */
    void recordWrite(long hash) {
        sketch.increment(hash);
    }
}
