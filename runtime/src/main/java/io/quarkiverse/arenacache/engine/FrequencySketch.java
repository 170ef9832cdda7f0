package io.quarkiverse.arenacache.engine;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A count-min sketch of 4-bit counters estimating how often each key hash was seen recently. Its table lives
 * off-heap, in the cache's arena (freed when the cache closes), so it costs the heap nothing and is counted in
 * {@code bytesCommitted}. It starts small and is sized, like Caffeine's, from the entry count of the full cache
 * ({@value #COUNTERS_PER_ENTRY} counters per entry, rounded up to a power of two) once the cache is full: a sketch
 * much smaller than that confuses keys, one sized from the byte budget would be wrong for both small and large
 * entries. Counters are halved every {@value #SAMPLE_FACTOR} × entries increments so that old popularity fades
 * (TinyLFU's aging, at Caffeine's period; the read buffer reports its increments in small batches, see
 * {@link #additionBatch}).
 * <p>
 * Updates are plain, racy writes from any thread: a lost increment only blurs an estimate, it never breaks the
 * cache, and it keeps hits free of atomic operations. A resize publishes a new table; a racing update may still
 * land in the old one (lost, harmless), which stays allocated until the cache closes.
 */
final class FrequencySketch {

    static final int MAX_COUNT = 15;
    static final int COUNTERS_PER_ENTRY = 8;
    static final int SAMPLE_FACTOR = 10;
    private static final int MIN_COUNTERS = 1 << 10;
    /**
     * The shortest aging period: in a cache of a few dozen entries, 10 × entries increments are too few for 4-bit
     * counters to tell keys apart (measured on the traces: sums 28.21 / 28.26 / 28.24 / 28.24 with 640 / 1280 /
     * 2560 / 5120).
     */
    private static final long MIN_SAMPLE_PERIOD = SAMPLE_FACTOR * 128L;
    /**
     * Before the cache is full: one counter per this many bytes of budget, at most 2^17 counters (64 KiB). Short
     * workloads are decided by what the sketch learns while the cache fills, and the bigger table inherits it.
     */
    private static final int INITIAL_BYTES_PER_COUNTER = 4;
    private static final int INITIAL_MAX_COUNTERS = 1 << 17;
    private static final int MAX_COUNTERS = 1 << 28;
    private static final long RESET_MASK = 0x7777_7777_7777_7777L;
    private static final int ROWS = 4;
    private static final int BLOCK_BYTES = 64;

    private final Arena arena;
    private final long maxCounters;
    /** The counters, 16 per long; blocks of 8 longs. Replaced (never freed) when the cache turns out bigger. */
    private volatile MemorySegment table;
    private volatile long committed;
    private int samplePeriod;
    private long additions;
    private int additionBatch = 1;
    private long agings;

    /**
     * @param maxMemory the cache's budget: the sketch never has more counters than one per 4 bytes of it (an
     *        eighth of the budget, reached only with entries of under 32 bytes)
     * @param arena the cache's arena
     */
    FrequencySketch(long maxMemory, Arena arena) {
        this.arena = arena;
        this.maxCounters = Math.clamp(Long.highestOneBit(Math.max(1, maxMemory / 4)), MIN_COUNTERS, MAX_COUNTERS);
        long initial = Math.clamp(Long.highestOneBit(Math.max(1, maxMemory / INITIAL_BYTES_PER_COUNTER)),
                MIN_COUNTERS, INITIAL_MAX_COUNTERS);
        this.table = allocate(initial);
        this.samplePeriod = (int) (SAMPLE_FACTOR * initial);
    }

    private MemorySegment allocate(long counters) {
        MemorySegment segment = arena.allocate(counters / 2, BLOCK_BYTES);
        committed += segment.byteSize();
        return segment;
    }

    /**
     * Told the entry count of the full cache: grows the table (once per doubling, up to the cap) and sets the aging
     * period. Called by writers; rare, so synchronized.
     */
    synchronized void ensureCapacity(long entries) {
        samplePeriod = (int) Math.clamp(SAMPLE_FACTOR * entries, MIN_SAMPLE_PERIOD, Integer.MAX_VALUE);
        additionBatch = Math.max(1, samplePeriod >>> 14);
        long wanted = Math.min(maxCounters, Long.highestOneBit(Math.max(1, entries * COUNTERS_PER_ENTRY - 1)) << 1);
        MemorySegment old = table;
        if (wanted > old.byteSize() * 2) {
            // Tile the old counters: a key's block in the bigger table is its old block plus a multiple of the old
            // table's size, so every estimate carries over unchanged.
            MemorySegment bigger = allocate(wanted);
            for (long offset = 0; offset < bigger.byteSize(); offset += old.byteSize()) {
                MemorySegment.copy(old, 0, bigger, offset, old.byteSize());
            }
            table = bigger;
        }
    }

    /** @return how many times the counters were halved (for tests) */
    long agings() {
        return agings;
    }

    /** @return the off-heap bytes allocated for tables, current and replaced */
    long bytes() {
        return committed;
    }

    /** @return the estimated recent frequency of {@code hash}, 0 to {@value #MAX_COUNT} */
    int frequency(long hash) {
        MemorySegment counters = table;
        long mixed = mix(hash);
        long block = blockBase(counters, mixed);
        int frequency = MAX_COUNT;
        for (int row = 0; row < ROWS; row++) {
            int shift = nibbleShift(mixed, row);
            long word = counters.getAtIndex(JAVA_LONG, block + wordInBlock(mixed, row));
            frequency = Math.min(frequency, (int) ((word >>> shift) & 0xF));
        }
        return frequency;
    }

    /**
     * Counts one sighting of {@code hash}, not yet towards the aging period: the caller counts the additions and
     * reports them, in batches of at most {@link #additionBatch}, with {@link #countAdditions}.
     *
     * @return whether a counter grew (a key whose counters are all at {@value #MAX_COUNT} adds nothing)
     */
    boolean add(long hash) {
        MemorySegment counters = table;
        long mixed = mix(hash);
        long block = blockBase(counters, mixed);
        boolean added = false;
        for (int row = 0; row < ROWS; row++) {
            long index = block + wordInBlock(mixed, row);
            int shift = nibbleShift(mixed, row);
            long word = counters.getAtIndex(JAVA_LONG, index);
            if (((word >>> shift) & 0xF) < MAX_COUNT) {
                counters.setAtIndex(JAVA_LONG, index, word + (1L << shift));
                added = true;
            }
        }
        return added;
    }

    /**
     * @return how many additions a caller of {@link #add} may hold back before reporting them: none until the cache
     *         is full, then a 16 384th of the aging period (none in caches of under about 1 600 entries, where aging is
     *         frequent and an aging a few additions later changes decisions), so the one count all threads' reports
     *         write is written once per that many additions, not on each (measured: 5 % more evicting puts with two
     *         threads; see engine.adoc)
     */
    int additionBatch() {
        return additionBatch;
    }

    /** Counts {@code added} additions towards the aging period, and ages the sketch when it is full. */
    void countAdditions(long added) {
        additions += added;
        if (additions >= samplePeriod) {
            age(table);
        }
    }

    /** Halves every counter, so the sketch follows a changing workload. */
    private void age(MemorySegment counters) {
        additions = 0;
        agings++;
        long words = counters.byteSize() / Long.BYTES;
        for (long i = 0; i < words; i++) {
            counters.setAtIndex(JAVA_LONG, i, (counters.getAtIndex(JAVA_LONG, i) >>> 1) & RESET_MASK);
        }
    }

    private static long mix(long hash) {
        long h = (hash ^ 0x97CB3127B8F0A0DDL) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    /** All counters of one key lie in one 64-byte block (8 longs): one cache miss per update, not four. */
    private static long blockBase(MemorySegment counters, long mixed) {
        long blockMask = counters.byteSize() / BLOCK_BYTES - 1;
        return ((mixed >>> 40) & blockMask) << 3;
    }

    private static int wordInBlock(long mixed, int row) {
        return (int) (mixed >>> (row * 8)) & 7;
    }

    private static int nibbleShift(long mixed, int row) {
        return ((int) (mixed >>> (row * 8 + 3)) & 15) << 2;
    }
}
