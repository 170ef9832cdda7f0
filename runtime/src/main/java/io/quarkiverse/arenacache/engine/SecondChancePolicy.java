package io.quarkiverse.arenacache.engine;

/**
 * Decides, when a shard needs room, what happens to the oldest live entry (the victim) and to the incoming one.
 * Kept apart from the mechanics so the policy can be improved and measured alone (see {@code
 * docs/modules/ROOT/pages/engine.adoc}).
 * <ul>
 * <li>A victim read since it was written or last kept (CLOCK's referenced bit) is kept: moved to the head.</li>
 * <li>Otherwise TinyLFU's admission duel: a {@link FrequencySketch} compares the victim's key with the incoming
 * key. The incoming entry is refused when the victim is more popular, or as popular and seen at least
 * {@value #TIE_REFUSAL_FREQUENCY} times (a scan or a loop larger than the cache then cannot flush it); otherwise
 * the victim is evicted.</li>
 * <li>A refused key's hash goes into a small fixed-size ghost table; a key that comes back while its hash is still
 * there is admitted without a duel. That is the recency window W-TinyLFU gets from its admission window: a key
 * asked for twice in a short time gets in, a key that only returns after a long loop does not.</li>
 * <li>An update of a live key is always admitted.</li>
 * </ul>
 * One policy serves all shards of a cache. Its tables are plain racy arrays written from any thread: a lost update
 * only blurs a hint, it never breaks the cache. Their sizes come from {@code maxMemory}, never from the entry count.
 */
final class SecondChancePolicy {

    /** Verdicts of {@link #judge}. */
    static final int EVICT = 0;
    static final int KEEP = 1;
    static final int REFUSE_INCOMING = 2;

    /** Ties in the duel go to the resident victim once both keys were seen this often. */
    static final int TIE_REFUSAL_FREQUENCY = 2;
    /**
     * One ghost slot per this many bytes of budget: about one per five entries of a cache of 48-byte entries (the
     * simulation's), i.e. a window of recent refusals a fifth of the cache long. Measured: 64 B 26.93, 128 B 27.67,
     * 192 B 27.84, 256 B 27.86 (sums over the 50 trace cells).
     */
    private static final long BYTES_PER_GHOST = 256;
    private static final int MIN_GHOSTS = 16;
    private static final int MAX_GHOSTS = 1 << 18;

    private final FrequencySketch sketch;
    /** Hashes of recently refused keys, direct-mapped: a newer refusal simply replaces an older one. */
    private final long[] ghosts;

    SecondChancePolicy(long maxMemory) {
        this.sketch = new FrequencySketch(maxMemory);
        this.ghosts = new long[(int) Math.clamp(maxMemory / BYTES_PER_GHOST, MIN_GHOSTS, MAX_GHOSTS)];
    }

    /** @return the sketch's estimate for a key hash, 0 to {@value FrequencySketch#MAX_COUNT} */
    int frequency(long hash) {
        return sketch.frequency(hash);
    }

    /**
     * Judges the oldest live entry when room is needed for an incoming one.
     *
     * @param referenced whether a reader marked the victim since it was written or last kept
     * @param victimHash the victim's key hash
     * @param incomingHash the incoming key's hash
     * @param incomingFrequency {@link #frequency} of the incoming key
     * @param incomingResident whether the incoming key updates a live entry (always admitted)
     * @param mayKeep whether keeping the victim stays within the byte cap of this eviction
     * @return {@link #EVICT}, {@link #KEEP} or {@link #REFUSE_INCOMING}
     */
    int judge(boolean referenced, long victimHash, long incomingHash, int incomingFrequency,
            boolean incomingResident, boolean mayKeep) {
        if (referenced && mayKeep) {
            return KEEP;
        }
        if (incomingResident || isGhost(incomingHash)) {
            return EVICT;
        }
        int victimFrequency = sketch.frequency(victimHash);
        if (victimFrequency > incomingFrequency
                || (victimFrequency == incomingFrequency && victimFrequency >= TIE_REFUSAL_FREQUENCY)) {
            return REFUSE_INCOMING;
        }
        return EVICT;
    }

    /**
     * Whether an entry of a slab retired in place (when dead bytes fill the ring) survives, compacted into the new
     * head: it was read, or it is more popular than the incoming key.
     */
    boolean survivesRetirement(boolean referenced, long hash, int incomingFrequency, boolean mayKeep) {
        return mayKeep && (referenced || sketch.frequency(hash) > incomingFrequency);
    }

    /** Told that an incoming key lost the duel. */
    void recordRefusal(long hash) {
        ghosts[ghostIndex(hash)] = hash;
    }

    boolean isGhost(long hash) {
        return ghosts[ghostIndex(hash)] == hash;
    }

    /** Multiply-shift on the high half: any table length, and independent of the index's low-bit slots. */
    private int ghostIndex(long hash) {
        return (int) (((hash >>> 32) * ghosts.length) >>> 32);
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
