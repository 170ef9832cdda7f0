package io.quarkiverse.arenacache.engine;

/**
 * A count-min sketch of 4-bit counters estimating how often each key hash was seen recently. Its size is fixed
 * from the cache's byte budget (never from the entry count), so its heap is bounded and allocated once. Counters
 * are halved after a sample period so that old popularity fades (TinyLFU-style aging).
 * <p>
 * Updates are plain, racy writes from any thread: a lost increment only blurs an estimate, it never breaks the
 * cache, and it keeps hits free of atomic operations.
 */
final class FrequencySketch {

    static final int MAX_COUNT = 15;
    private static final int MIN_COUNTERS = 1 << 10;
    private static final int MAX_COUNTERS = 1 << 22;
    private static final long RESET_MASK = 0x7777_7777_7777_7777L;
    private static final int ROWS = 4;

    private final long[] table;
    private final int blockMask;
    private final int samplePeriod;
    private int additions;

    /** @param maxMemory the cache's budget; one counter per 32 bytes of it (about one per smallest entry) */
    FrequencySketch(long maxMemory) {
        long wanted = Math.clamp(maxMemory / 32, MIN_COUNTERS, MAX_COUNTERS);
        int counters = Integer.highestOneBit((int) wanted);
        this.table = new long[counters / 16];
        this.blockMask = table.length / 8 - 1;
        this.samplePeriod = 10 * counters;
    }

    /** @return the estimated recent frequency of {@code hash}, 0 to {@value #MAX_COUNT} */
    int frequency(long hash) {
        long mixed = mix(hash);
        int block = blockBase(mixed);
        int frequency = MAX_COUNT;
        for (int row = 0; row < ROWS; row++) {
            int shift = nibbleShift(mixed, row);
            frequency = Math.min(frequency, (int) ((table[block + wordInBlock(mixed, row)] >>> shift) & 0xF));
        }
        return frequency;
    }

    void increment(long hash) {
        long mixed = mix(hash);
        int block = blockBase(mixed);
        boolean added = false;
        for (int row = 0; row < ROWS; row++) {
            int index = block + wordInBlock(mixed, row);
            int shift = nibbleShift(mixed, row);
            long word = table[index];
            if (((word >>> shift) & 0xF) < MAX_COUNT) {
                table[index] = word + (1L << shift);
                added = true;
            }
        }
        if (added && ++additions >= samplePeriod) {
            age();
        }
    }

    /** Halves every counter, so the sketch follows a changing workload. */
    private void age() {
        additions = 0;
        for (int i = 0; i < table.length; i++) {
            table[i] = (table[i] >>> 1) & RESET_MASK;
        }
    }

    private static long mix(long hash) {
        long h = (hash ^ 0x97CB3127B8F0A0DDL) * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    /** All counters of one key lie in one 64-byte block (8 longs): one cache miss per update, not four. */
    private int blockBase(long mixed) {
        return ((int) (mixed >>> 40) & blockMask) << 3;
    }

    private static int wordInBlock(long mixed, int row) {
        return (int) (mixed >>> (row * 8)) & 7;
    }

    private static int nibbleShift(long mixed, int row) {
        return ((int) (mixed >>> (row * 8 + 3)) & 15) << 2;
    }
}
