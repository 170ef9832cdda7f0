package io.quarkiverse.arenacache.engine;

import java.lang.foreign.Arena;

/**
 * The cache's eviction and admission policy: a W-TinyLFU equivalent laid over the log of slabs (see {@code
 * docs/modules/ROOT/pages/engine.adoc}, "Policy"). The shards own the mechanics; this class owns the decisions
 * and the state they share:
 * <ul>
 * <li>the <em>admission window</em>: every new key enters it (its index slot carries {@link Location#WINDOW}); the
 * shard keeps its window to {@link #windowBytes} of its budget, and each entry leaving the window (the
 * <em>candidate</em>) meets the main region's oldest unread entry (the <em>victim</em>) in a TinyLFU duel,
 * {@link #admits};</li>
 * <li>a {@link FrequencySketch} of recent hits and writes, for that duel;</li>
 * <li>a hill climber that moves the window's share of the budget towards the hit rate's optimum, sampled over
 * {@value #SAMPLE_FACTOR} × the cache's entry count of requests, as Caffeine's does.</li>
 * </ul>
 * Entries read since they were written or last kept get a second chance (CLOCK) in the window and in the main region
 * alike: the shard moves them to the head of the log. One policy serves all shards of a cache. Its counters are
 * plain racy fields written from any thread: a lost update only blurs a hint, it never breaks the cache.
 */
final class SecondChancePolicy {

    /** The window's share of the budget at start (Caffeine's default). */
    static final double INITIAL_WINDOW = 0.01;
    /** The smallest window: a new entry always has the window to itself for one put. */
    static final double MIN_WINDOW = 0.0;
    /** The largest window: all of the budget, i.e. CLOCK, when the workload rewards only recency. */
    static final double MAX_WINDOW = 1.0;
    /** The climber's first step, as a share of the budget (Caffeine's). */
    static final double STEP = 0.0625;
    private static final double STEP_DECAY = 0.98;
    /** A change of the sampled hit rate this large restarts the climber with a full step. */
    private static final double RESTART_THRESHOLD = 0.05;
    /** Requests per sample, in entries of the cache. */
    static final int SAMPLE_FACTOR = 10;
    private static final int MIN_SAMPLE = 256;

    private final FrequencySketch sketch;
    private final int shards;
    /** The window's share of each shard's budget; written only by {@link #climb}. */
    private volatile double windowFraction = INITIAL_WINDOW;
    /** Entries of a full cache, as last seen by a shard that had to make room; 0 until the cache is full. */
    private long fullEntries;
    private int hitsInSample;
    private int writesInSample;
    /** Climber state, guarded by {@code this}. */
    private double step = -STEP;
    private double previousHitRate;

    /** @param arena the cache's arena: the sketch's table is allocated there and freed when the cache closes */
    SecondChancePolicy(long maxMemory, int shards, Arena arena) {
        this.sketch = new FrequencySketch(maxMemory, arena);
        this.shards = shards;
    }

    /** @return the sketch's estimate for a key hash, 0 to {@value FrequencySketch#MAX_COUNT} */
    int frequency(long hash) {
        return sketch.frequency(hash);
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
     * recently. Ties go to the victim, so that a loop or scan larger than the cache cannot flush what it holds.
     */
    boolean admits(long candidateHash, long victimHash) {
        int candidate = sketch.frequency(candidateHash);
        int victim = sketch.frequency(victimHash);
        return candidate > victim || (candidate == victim && victim == 0);
    }

    /**
     * Whether an entry of a slab retired in place (when the live budget is short and the head cannot take one more
     * kept entry) survives, compacted into the new head: it was read, or it is more popular than the incoming key.
     */
    boolean survivesRetirement(boolean referenced, long hash, int incomingFrequency, boolean mayKeep) {
        return mayKeep && (referenced || sketch.frequency(hash) > incomingFrequency);
    }

    /** Told by a shard that had to evict: its entry count then sizes the climber's sample. */
    void observeFull(long shardEntries) {
        long entries = shardEntries * shards;
        if (entries > fullEntries) {
            fullEntries = entries;
            sketch.ensureCapacity(entries);
        }
    }

    /** Told about every hit (not about {@code containsKey}); cheap and safe for racing callers. */
    void recordHit(long hash) {
        sketch.increment(hash);
        hitsInSample++;
    }

    /** Told about every write, i.e. every miss followed by a put in cache-aside use. */
    void recordWrite(long hash) {
        sketch.increment(hash);
        if (++writesInSample + hitsInSample >= sampleSize()) {
            climb();
        }
    }

    private long sampleSize() {
        return Math.max(MIN_SAMPLE, SAMPLE_FACTOR * fullEntries);
    }

    /**
     * Hill climbing on the sampled hit rate (writes count as misses): keep moving the window the same way while the
     * hit rate improves, turn round when it falls; the step decays so the window settles, and a large change of the
     * hit rate (a new workload) restarts it with a full step.
     */
    synchronized void climb() {
        int hits = hitsInSample;
        int requests = hits + writesInSample;
        if (requests < sampleSize()) {
            return; // another writer climbed meanwhile
        }
        hitsInSample = 0;
        writesInSample = 0;
        if (fullEntries == 0) {
            return; // nothing is evicted yet: the window's size changes nothing
        }
        double hitRate = (double) hits / requests;
        double change = hitRate - previousHitRate;
        double amount = change >= 0 ? step : -step;
        step = Math.abs(change) >= RESTART_THRESHOLD ? Math.copySign(STEP, amount) : STEP_DECAY * amount;
        previousHitRate = hitRate;
        windowFraction = Math.clamp(windowFraction + amount, MIN_WINDOW, MAX_WINDOW);
    }

    /** Off-heap bytes of the policy's tables, counted in {@code bytesCommitted}. */
    long bytes() {
        return sketch.bytes();
    }

    /** The share of {@link #bytes} a shard reports as committed, so the shards' figures add up to the cache's. */
    long bytesOfShard(int shardIndex) {
        long bytes = bytes();
        return bytes / shards + (shardIndex == 0 ? bytes % shards : 0);
    }
}
