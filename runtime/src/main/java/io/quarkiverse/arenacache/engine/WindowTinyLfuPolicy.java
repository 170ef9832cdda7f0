package io.quarkiverse.arenacache.engine;

import java.lang.foreign.Arena;

/**
 * The cache's eviction and admission policy: a W-TinyLFU equivalent laid over the log of slabs (see {@code
 * docs/modules/ROOT/pages/engine.adoc}, "Policy"). The shards own the mechanics; this class owns the decisions
 * and the state they share:
 * <ul>
 * <li>the <em>admission window</em>: every new key enters it (its index slot carries {@link Location#WINDOW}); a
 * shard keeps its window to {@link #windowBytes} of its budget, and each entry leaving the window (the
 * <em>candidate</em>) meets the main region's oldest unread entry (the <em>victim</em>) in a TinyLFU duel,
 * {@link #admits}; the loser is evicted;</li>
 * <li>a {@link FrequencySketch} of recent hits and writes, for that duel;</li>
 * <li>the window's share of the budget adapts, ARC-style, from {@link EvictedKeys}: a new key that was recently
 * evicted from the window (and would still be in a window twice as long, or {@value #MIN_RETURN_WINDOW_ENTRIES}
 * entries longer in a cache of at least 128 entries) grows the window by {@value #ADAPT_STEP_ENTRIES} entries'
 * share; one recently evicted from the main region shrinks it, if it was seen at least
 * {@value #MIN_MAIN_RETURN_FREQUENCY} times;</li>
 * <li>the duel's <em>admission margin</em> adapts from the same hints: a victim the sketch has seen must be beaten by
 * 1 to 2 (fractional, see {@link #admits}); a duel's loser that returns says which way the duel erred (a refused
 * candidate back soon: too strict, the margin falls; a defeated victim back: too loose, it rises);</li>
 * <li>a <em>protected</em> segment in the main region (SLRU, as Caffeine's): a main-region entry found read by the
 * eviction cursor becomes protected ({@link Location#PROTECTED}); an unread protected one gets one more pass
 * (demoted, moved to the head) while protected entries hold at most {@link #protectedBytes} of the budget, and is
 * otherwise a victim like any other.</li>
 * </ul>
 * Entries read since they were written or last kept get a second chance (CLOCK) in the window and in the main region
 * alike: the shard moves them to the head of the log. One policy serves all shards of a cache. Its fields are plain
 * racy fields written from any thread: a lost update only blurs a hint, it never breaks the cache.
 */
final class WindowTinyLfuPolicy {

    /** The window's share of the budget at start (Caffeine's default). */
    static final double INITIAL_WINDOW = 0.01;
    /** The smallest window: a new entry still has the window to itself until the next put. */
    static final double MIN_WINDOW = 0.0;
    /**
     * The largest window, when the workload rewards only recency. Not all of the budget: a main region of a fifth of
     * it still evicts, so its hints can pull the window back when the workload changes (measured: with 100 % the
     * window stuck there on {@code sprite} 5 %, below LRU).
     */
    static final double MAX_WINDOW = 0.8;
    /** How far one return of a recently evicted key moves the window, in entries of the full cache. */
    static final int ADAPT_STEP_ENTRIES = 4;
    /**
     * A key evicted from the window grows it if it returns within this many window evictions (at most an eighth of
     * the cache's entries), or within the window's length if that is longer: a window at (or near) 0 must still be
     * able to grow.
     */
    static final int MIN_RETURN_WINDOW_ENTRIES = 16;
    /**
     * A key evicted from the main region shrinks the window only if the sketch saw it at least this often: a
     * one-time key evicted from the main region says nothing about the window being too big.
     */
    static final int MIN_MAIN_RETURN_FREQUENCY = 2;
    /** The most of the main region that protected entries (read while in the main region) may hold. */
    static final double PROTECTED_SHARE = 0.95;
    /**
     * The most a candidate must beat a victim the sketch has seen by, beyond the plain duel's 1 (a margin of 2 in
     * all: measured, 3 is worse everywhere).
     */
    static final double MAX_EXTRA_MARGIN = 1.0;
    /**
     * Records waiting on a thread's read-buffer stripe before a write drains them even if it decides nothing: a
     * quarter of the stripe, so a burst of reads between two writes rarely overflows it before the drain.
     */
    static final int WRITE_DRAIN_BATCH = ReadBuffer.STRIPE_CAPACITY / 4;
    /** How far one returning duel loser moves the extra margin. */
    static final double MARGIN_STEP = 0.1;
    /**
     * A refused candidate lowers the margin only if it returns within this share of the cache's entries in window
     * evictions: admitted, it would most likely still have been in the main region. A later return says little.
     */
    static final double REFUSED_RETURN_SHARE = 0.5;

    private final FrequencySketch sketch;
    private final EvictedKeys evicted;
    private final ReadBuffer reads = new ReadBuffer(Runtime.getRuntime().availableProcessors());
    private final int shards;
    /** The window's share of each shard's budget. */
    private volatile double windowFraction = INITIAL_WINDOW;
    /** Entries of a full cache, as last seen by a shard that had to make room; 0 until the cache is full. */
    private long fullEntries;
    /** What a candidate must beat a seen victim by, beyond 1: 0 to {@value #MAX_EXTRA_MARGIN}, fractional. */
    private double extraMargin;

    /** @param arena the cache's arena: the policy's tables are allocated there and freed when the cache closes */
    WindowTinyLfuPolicy(long maxMemory, int shards, Arena arena) {
        this.sketch = new FrequencySketch(maxMemory, arena);
        this.evicted = new EvictedKeys(maxMemory, arena);
        this.shards = shards;
    }

    /** @return the sketch's estimate for a key hash, 0 to {@value FrequencySketch#MAX_COUNT} */
    int frequency(long hash) {
        return sketch.frequency(hash);
    }

    /**
     * @return how many of a shard's {@code liveBudget} bytes the main region's protected entries may hold before an
     *         unread one loses its extra pass: {@value #PROTECTED_SHARE} of the main region
     */
    long protectedBytes(long liveBudget) {
        return (long) (liveBudget * (1 - windowFraction) * PROTECTED_SHARE);
    }

    /** @return how many of a shard's {@code liveBudget} bytes the window may hold */
    long windowBytes(long liveBudget) {
        return (long) (liveBudget * windowFraction);
    }

    double windowFraction() {
        return windowFraction;
    }

    /**
     * TinyLFU's duel: the candidate leaving the window takes the victim's place only if it was seen more often
     * recently. Ties go to the victim, so that a loop or scan larger than the cache cannot flush what it holds;
     * except between keys the sketch has not seen at all, so that a stream of new keys still flows through. Against
     * a victim the sketch has seen, the candidate must in addition beat it by the adaptive extra margin: 0 or 1 more,
     * the fraction of duels asking 1 more being the margin's fractional part (error diffusion, deterministic, its
     * carry kept per shard in {@code shard}).
     */
    boolean admits(long candidateHash, long victimHash, WriteState shard) {
        int candidate = sketch.frequency(candidateHash);
        int victim = sketch.frequency(victimHash);
        if (victim == 0) {
            return true;
        }
        double margin = extraMargin;
        int extra = (int) margin;
        double carry = shard.marginCarry + (margin - extra);
        if (carry >= 1) {
            carry -= 1;
            extra++;
        }
        shard.marginCarry = carry;
        return candidate > victim + extra;
    }

    /**
     * Whether an entry of a slab retired in place (the last resort when no slab of a full ring can be compacted)
     * survives, compacted into the new head: it was read, or it is more popular than the incoming key.
     */
    boolean survivesRetirement(boolean referenced, long hash, int incomingFrequency, boolean mayKeep) {
        return mayKeep && (referenced || sketch.frequency(hash) > incomingFrequency);
    }

    /** Told by a shard that had to evict: its entry count sizes the sketch, the hints and the adaptation step. */
    void observeFull(long shardEntries) {
        long entries = shardEntries * shards;
        if (entries > fullEntries) {
            fullEntries = entries;
            sketch.ensureCapacity(entries);
            evicted.ensureCapacity(entries);
        }
    }

    /**
     * Told that a shard evicted an entry to make room: from the window or from the main region, as the loser of a
     * duel ({@link #admits}: a refused candidate or a defeated victim) or without one. A window eviction's hint is
     * stamped with the shard's window clock.
     */
    void recordEviction(long hash, boolean fromWindow, boolean lostDuel, WriteState shard) {
        int duel = lostDuel ? EvictedKeys.LOST_DUEL : 0;
        if (fromWindow) {
            evicted.record(hash, EvictedKeys.FROM_WINDOW | duel, ++shard.windowEvictions);
        } else {
            evicted.record(hash, EvictedKeys.FROM_MAIN | duel, 0); // a main-region hint is never aged
        }
    }

    /**
     * Told about a new key entering the window. If it was evicted recently, the region that evicted it was too
     * small. A key evicted from the window counts only if fewer window evictions than the window holds entries (at
     * least {@value #MIN_RETURN_WINDOW_ENTRIES}) happened since (a window twice as long would have kept it): a loop
     * larger than the cache brings its keys back much later, and a bigger window would not catch them. A key evicted
     * from the main region counts only if the sketch saw it at least {@value #MIN_MAIN_RETURN_FREQUENCY} times.
     * A key that lost a duel moves the admission margin as well: see {@link #adaptMargin}. Ages are counted on the
     * key's shard's clock (a key always maps to the same shard) and scaled by the shard count to the cache's.
     */
    void recordInsertion(long hash, WriteState shard) {
        long entries = fullEntries;
        if (entries == 0) {
            return;
        }
        long taken = evicted.take(hash);
        if (taken == 0) {
            return;
        }
        // in the cache's window evictions; read only for a hint from the window (main-region hints carry no stamp)
        long windowAge = EvictedKeys.age(taken, shard.windowEvictions) * shards;
        if (EvictedKeys.lostDuel(taken)) {
            adaptMargin(taken, windowAge, entries);
        }
        double window = windowFraction;
        double step = (double) ADAPT_STEP_ENTRIES / entries;
        if (EvictedKeys.region(taken) == EvictedKeys.FROM_WINDOW) {
            long minimumReturn = Math.min(MIN_RETURN_WINDOW_ENTRIES, entries / 8);
            if (windowAge <= Math.max(minimumReturn, window * entries)) {
                windowFraction = Math.min(MAX_WINDOW, window + step);
            }
        } else if (sketch.frequency(hash) >= MIN_MAIN_RETURN_FREQUENCY) {
            windowFraction = Math.max(MIN_WINDOW, window - step);
        }
    }

    /**
     * A duel's loser came back. A refused candidate back within {@value #REFUSED_RETURN_SHARE} of the cache's entries
     * in window evictions would likely have been hit in the main region: the duel was too strict, the margin falls.
     * A defeated victim back (while its hint lasts, about a cache's worth of evictions) was worth more than what took
     * its place: the duel was too loose, the margin rises. ARC's ghost feedback again, on the admission threshold;
     * refused candidates are far more numerous, so the age guard keeps them from pinning the margin at 0.
     */
    private void adaptMargin(long taken, long windowAge, long entries) {
        if (EvictedKeys.region(taken) == EvictedKeys.FROM_WINDOW) {
            if (windowAge <= REFUSED_RETURN_SHARE * entries) {
                extraMargin = Math.max(0, extraMargin - MARGIN_STEP);
            }
        } else {
            extraMargin = Math.min(MAX_EXTRA_MARGIN, extraMargin + MARGIN_STEP);
        }
    }

    /** @return what a candidate must currently beat a seen victim by, beyond 1 (for tests) */
    double extraMargin() {
        return extraMargin;
    }

    /**
     * Where hits are recorded (not {@code containsKey}); cheap and safe for racing callers: a hash waits in the
     * {@link ReadBuffer} until a put drains it into the sketch (see {@link #recordWrite}). Shards hold it directly,
     * so a hit never loads this object, whose fields puts write.
     */
    ReadBuffer reads() {
        return reads;
    }

    /**
     * Told about every write, i.e. every miss followed by a put in cache-aside use. The write counts as a use of its
     * key, recorded like a hit on the calling thread's stripe of the {@link ReadBuffer}; the sketch hears of it, and
     * of the hits before it, at the next {@link #catchUp} or once {@value #WRITE_DRAIN_BATCH} records wait on the
     * stripe. So a put that decides nothing (an update overwritten in place) writes nothing shared: with two threads
     * updating hot keys, draining on every put made both cores write the same sketch blocks (measured: 30 % of
     * {@code get75put25}'s throughput at 16 K entries); a batch touches a hot key's block once for many records.
     */
    void recordWrite(long hash) {
        reads.record(hash);
        if (reads.pendingOfCurrentThread() >= WRITE_DRAIN_BATCH) {
            reads.drainInto(sketch);
        }
    }

    /**
     * Brings the sketch up to date before a put that may decide anything (called by the shard, under its lock,
     * before any eviction, duel or adaptation): the hits and writes recorded since the last drain reach the sketch
     * first, so the duel sees them, in the order they happened.
     */
    void catchUp() {
        reads.drainInto(sketch);
    }

    /** Off-heap bytes of the policy's tables, counted in {@code bytesCommitted}. */
    long bytes() {
        return sketch.bytes() + evicted.bytes();
    }

    /** The share of {@link #bytes} a shard reports as committed, so the shards' figures add up to the cache's. */
    long bytesOfShard(int shardIndex) {
        long bytes = bytes();
        return bytes / shards + (shardIndex == 0 ? bytes % shards : 0);
    }
}
