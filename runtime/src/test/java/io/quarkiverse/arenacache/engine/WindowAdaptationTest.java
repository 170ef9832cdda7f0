package io.quarkiverse.arenacache.engine;

import static io.quarkiverse.arenacache.engine.SmallRing.ENTRY;
import static io.quarkiverse.arenacache.engine.SmallRing.GENERATIONS;
import static io.quarkiverse.arenacache.engine.SmallRing.SLAB;
import static io.quarkiverse.arenacache.engine.SmallRing.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;

import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.CacheStats;

/** How the admission window's share of the budget follows the workload, and what that does to a whole cache. */
class WindowAdaptationTest {

    private static final int ENTRIES = 1000;

    /** The shard whose clocks the policy's hints are stamped with (one shard here). */
    private final WriteState shard = new WriteState();

    @Test
    void keysReturningSoonAfterLeavingTheWindowGrowIt() {
        try (Arena arena = Arena.ofConfined()) {
            WindowTinyLfuPolicy policy = new WindowTinyLfuPolicy(1 << 20, 1, arena);
            policy.observeFull(ENTRIES);
            double start = policy.windowFraction();
            for (long key = 1; key <= 50; key++) {
                policy.recordEviction(hash(key), true, false, shard);
                policy.recordInsertion(hash(key), shard); // back at once: a bigger window would have kept it
            }
            assertThat(policy.windowFraction()).isGreaterThan(start);
            assertThat(policy.windowFraction()).isLessThanOrEqualTo(WindowTinyLfuPolicy.MAX_WINDOW);
        }
    }

    @Test
    void keysReturningAfterLeavingTheMainRegionShrinkIt() {
        try (Arena arena = Arena.ofConfined()) {
            WindowTinyLfuPolicy policy = new WindowTinyLfuPolicy(1 << 20, 1, arena);
            policy.observeFull(ENTRIES);
            for (long key = 1; key <= 50; key++) {
                policy.recordEviction(hash(key), true, false, shard);
                policy.recordInsertion(hash(key), shard);
            }
            double grown = policy.windowFraction();
            // one-time keys evicted from the main region say nothing about the window's size
            for (long key = 2000; key < 2020; key++) {
                policy.recordWrite(hash(key));
                policy.catchUp();
                policy.recordEviction(hash(key), false, false, shard);
                policy.recordInsertion(hash(key), shard);
            }
            assertThat(policy.windowFraction()).isEqualTo(grown);
            // keys seen twice before, evicted from the main region and back: the main region was too small
            for (long key = 1000; key < 1020; key++) {
                policy.recordWrite(hash(key));
                policy.recordWrite(hash(key));
                policy.catchUp();
                policy.recordEviction(hash(key), false, false, shard);
                policy.recordInsertion(hash(key), shard);
            }
            assertThat(policy.windowFraction()).isLessThan(grown);
            assertThat(policy.windowFraction()).isGreaterThanOrEqualTo(WindowTinyLfuPolicy.MIN_WINDOW);
        }
    }

    @Test
    void aTinyWindowStillGrowsFromKeysReturningWithinTheMinimumReturnWindow() {
        int minimum = WindowTinyLfuPolicy.MIN_RETURN_WINDOW_ENTRIES;
        // the window holds 10 entries (1 % of 1 000): a key back after 15 window evictions counts, after 17 not
        assertThat(windowAfterReturnsAt(minimum - 1, 1)).isGreaterThan(WindowTinyLfuPolicy.INITIAL_WINDOW);
        assertThat(windowAfterReturnsAt(minimum + 1, 1)).isEqualTo(WindowTinyLfuPolicy.INITIAL_WINDOW);
    }

    @Test
    void aKeysAgeIsCountedOnItsShardsClockAndScaledToTheCache() {
        // 4 shards: 3 evictions of the key's own shard stand for 12 of the cache (within the 16 that count),
        // 5 stand for 20 (beyond them)
        int minimum = WindowTinyLfuPolicy.MIN_RETURN_WINDOW_ENTRIES;
        assertThat(windowAfterReturnsAt(minimum / 4 - 1, 4)).isGreaterThan(WindowTinyLfuPolicy.INITIAL_WINDOW);
        assertThat(windowAfterReturnsAt(minimum / 4 + 1, 4)).isEqualTo(WindowTinyLfuPolicy.INITIAL_WINDOW);
    }

    /**
     * Evicts {@code distance + 1} keys from the window of one of {@code shards} shards, then each comes back
     * {@code distance} evictions of that shard later.
     */
    private static double windowAfterReturnsAt(int distance, int shards) {
        WriteState shard = new WriteState();
        try (Arena arena = Arena.ofConfined()) {
            WindowTinyLfuPolicy policy = new WindowTinyLfuPolicy(1 << 20, shards, arena);
            policy.observeFull(ENTRIES / shards); // a shard's entries: the cache holds ENTRIES
            for (long key = 0; key <= distance; key++) {
                policy.recordEviction(hash(key), true, false, shard);
            }
            for (long key = 0; key <= distance; key++) {
                policy.recordInsertion(hash(key), shard);
                policy.recordEviction(hash(key + 10_000), true, false, shard);
            }
            return policy.windowFraction();
        }
    }

    @Test
    void aLoopsLateReturnsDoNotGrowTheWindow() {
        try (Arena arena = Arena.ofConfined()) {
            WindowTinyLfuPolicy policy = new WindowTinyLfuPolicy(1 << 20, 1, arena);
            policy.observeFull(ENTRIES);
            double start = policy.windowFraction();
            // 200 keys leave the window, then come back in the same order: each returns 200 window evictions
            // later, far more than the window's 10 entries, as in a loop larger than the cache
            for (long key = 1; key <= 200; key++) {
                policy.recordEviction(hash(key), true, false, shard);
            }
            for (long key = 1; key <= 200; key++) {
                policy.recordInsertion(hash(key), shard);
                policy.recordEviction(hash(key), true, false, shard);
            }
            assertThat(policy.windowFraction()).isEqualTo(start);
        }
    }

    @Test
    void aShiftingWorkingSetIsCachedThroughTheWindow() {
        // recency only: each phase reads a new set of keys (half the cache) many times; a cache that admitted only
        // by frequency would refuse each new set in favour of the previous, now useless, one
        int capacity = SLAB * GENERATIONS / ENTRY;
        int phaseKeys = capacity / 2;
        try (ArenaCache<Integer, byte[]> cache = SmallRing.cache("shifting", new FakeTicker(),
                new RecordingListener<>())) {
            long hits = 0;
            long lastPhaseHits = 0;
            for (int phase = 0; phase < 10; phase++) {
                lastPhaseHits = 0;
                for (int round = 0; round < 8; round++) {
                    for (int i = 0; i < phaseKeys; i++) {
                        int key = phase * 10_000 + i;
                        if (cache.get(key) != null) {
                            hits++;
                            lastPhaseHits++;
                        } else {
                            cache.put(key, value(key));
                        }
                        CacheStats stats = cache.stats();
                        assertThat(stats.bytesUsed()).isLessThanOrEqualTo(stats.maxMemory());
                    }
                }
            }
            // an LRU would miss each key once per phase and hit it the other 7 rounds: 70 × phaseKeys in all
            assertThat(lastPhaseHits).isGreaterThanOrEqualTo(6L * phaseKeys);
            assertThat(hits).isGreaterThan(50L * phaseKeys);
        }
    }

    private static long hash(long key) {
        return key * 0x9E37_79B9_7F4A_7C15L;
    }
}
