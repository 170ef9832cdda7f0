package io.quarkiverse.arenacache.engine;

import static io.quarkiverse.arenacache.engine.SmallRing.ENTRY;
import static io.quarkiverse.arenacache.engine.SmallRing.GENERATIONS;
import static io.quarkiverse.arenacache.engine.SmallRing.SLAB;
import static io.quarkiverse.arenacache.engine.SmallRing.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.CacheLayout;
import io.quarkiverse.arenacache.CacheStats;
import io.quarkiverse.arenacache.Codecs;
import io.quarkiverse.arenacache.RemovalCause;

class EvictionTest {


    private final FakeTicker ticker = new FakeTicker();
    private final RecordingListener<Integer, byte[]> listener = new RecordingListener<>();
    private final ArenaCache<Integer, byte[]> cache = SmallRing.cache("small", ticker, listener);

    @AfterEach
    void close() {
        cache.close();
    }

    @Test
    void bytesUsedNeverExceedsTheBudgetAndOldestEntriesGoFirst() {
        int perSlab = SLAB / ENTRY;
        for (int i = 0; i < 1000; i++) {
            cache.put(i, value(i));
            CacheStats stats = cache.stats();
            assertThat(stats.bytesUsed()).isLessThanOrEqualTo(stats.maxMemory());
            // committed slabs: the budget plus one spare slab per shard; plus the frequency sketch, whose tables
            // (current and outgrown) never exceed a quarter of the budget
            assertThat(stats.bytesCommitted() - cache.layout().shards().getFirst().indexCapacity() * 16)
                    .isLessThanOrEqualTo(stats.maxMemory() + SLAB + stats.maxMemory() / 4);
        }
        CacheStats stats = cache.stats();
        assertThat(stats.evictions()).isEqualTo(1000 - stats.entries());
        assertThat(stats.evictionBytes()).isEqualTo(stats.evictions() * ENTRY);
        assertThat(listener.count(RemovalCause.SIZE)).isEqualTo(stats.evictions());
        // entries leave one at a time, so the cache stays full to the byte, and every entry present holds its own
        // value (which new keys get in depends on the admission duel: in a sketch this small, 1000 distinct keys
        // collide, so old keys often win)
        assertThat(stats.entries()).isEqualTo((long) GENERATIONS * perSlab);
        assertThat(stats.bytesUsed()).isEqualTo(stats.maxMemory());
        long present = 0;
        for (int i = 0; i < 1000; i++) {
            byte[] stored = cache.get(i);
            if (stored != null) {
                present++;
                assertThat(stored).isEqualTo(value(i));
            }
        }
        assertThat(present).isEqualTo(stats.entries());
        // the listener got the evicted entries decoded (the first is a newcomer that lost its duel on leaving the
        // admission window: keys seen once each, ties go to the resident)
        RecordingListener.Event<Integer, byte[]> first = listener.events.getFirst();
        assertThat(first.value()).isEqualTo(value(first.key()));
    }

    @Test
    void entriesReadSinceWrittenGetASecondChance() {
        int perSlab = SLAB / ENTRY;
        // fill the first slab, then read a few of its entries
        for (int i = 0; i < perSlab; i++) {
            cache.put(i, value(i));
        }
        cache.get(3);
        cache.get(7);
        // write enough to force the first slab's entries out
        // two passes: in the second the new keys are more popular than unread old entries and win their duels
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 1000; i < 1000 + GENERATIONS * perSlab; i++) {
                cache.put(i, value(i));
            }
        }
        assertThat(cache.stats().evictions()).isPositive();
        // containsKey is no access: it does not mark the entries referenced again
        assertThat(cache.containsKey(3)).isTrue();
        assertThat(cache.containsKey(7)).isTrue();
        // (unread old keys may stay: under W-TinyLFU a newcomer must be more popular than the victim to displace it)
    }

    @Test
    void aPopularKeySurvivesAScanOfOneTimeKeys() {
        int perSlab = SLAB / ENTRY;
        cache.put(-1, value(1));
        for (int i = 0; i < 6; i++) {
            cache.get(-1);
        }
        // three full turns of the ring with keys written once and never read
        for (int i = 0; i < 3 * GENERATIONS * perSlab; i++) {
            cache.put(i, value(i));
        }
        assertThat(cache.stats().evictions()).isGreaterThanOrEqualTo(2L * GENERATIONS * perSlab);
        assertThat(cache.containsKey(-1)).as("popular key kept by the frequency sketch").isTrue();
    }

    @Test
    void retainedEntriesKeepTheirValues() {
        int perSlab = SLAB / ENTRY;
        for (int i = 0; i < perSlab; i++) {
            cache.put(i, value(i));
            if (i % 3 == 0) {
                cache.get(i);
            }
        }
        // two passes: in the second the new keys are more popular than unread old entries and win their duels
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 1000; i < 1000 + GENERATIONS * perSlab; i++) {
                cache.put(i, value(i));
            }
        }
        for (int i = 0; i < perSlab; i++) {
            byte[] stored = cache.get(i);
            if (i % 3 == 0) {
                assertThat(stored).isEqualTo(value(i));
            } else if (stored != null) {
                assertThat(stored).isEqualTo(value(i));
            }
        }
    }

    @Test
    void secondChancesAreBoundedSoRotationAlwaysFreesSpace() {
        int perSlab = SLAB / ENTRY;
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < perSlab * GENERATIONS * 2; i++) {
                cache.put(round * 10_000 + i, value(i));
                cache.get(round * 10_000 + i); // everything is referenced
            }
        }
        CacheStats stats = cache.stats();
        assertThat(stats.bytesUsed()).isLessThanOrEqualTo(stats.maxMemory());
        assertThat(stats.puts()).isEqualTo(20L * perSlab * GENERATIONS * 2);
        assertThat(stats.evictions()).isPositive();
        // popular old keys may refuse a new key once, but it gets in when it comes back soon (the ghost table)
        int last = 19 * 10_000 + perSlab * GENERATIONS * 2 - 1;
        cache.put(last, value(1));
        assertThat(cache.get(last)).isEqualTo(value(1));
    }

    @Test
    void layoutListsGenerationsOldestFirstAndSumsToTheTotals() {
        int perSlab = SLAB / ENTRY;
        cache.put(-1, value(1));
        CacheLayout.Shard one = cache.layout().shards().getFirst();
        assertThat(one.generations()).hasSize(1);
        assertThat(one.generations().getFirst().head()).isTrue();
        assertThat(one.generations().getFirst().epoch()).isEqualTo(1);
        for (int i = 0; i < perSlab * (GENERATIONS + 1) + 3; i++) {
            cache.put(i, value(i));
        }
        CacheLayout.Shard shard = cache.layout().shards().getFirst();
        List<CacheLayout.Generation> generations = shard.generations();
        // the ring has one spare slab: GENERATIONS + 1 slabs, all in use here
        assertThat(generations).hasSize(GENERATIONS + 1);
        assertThat(generations.getLast().head()).isTrue();
        assertThat(generations.subList(0, GENERATIONS)).noneMatch(CacheLayout.Generation::head);
        // ring order: consecutive slots from the oldest to the head (the cache is full to the byte)
        int oldestSlot = generations.getFirst().slot();
        for (int i = 0; i < generations.size(); i++) {
            assertThat(generations.get(i).slot()).isEqualTo((oldestSlot + i) % (GENERATIONS + 1));
        }
        assertThat(shard.bytesUsed()).isEqualTo((long) SLAB * GENERATIONS);
        assertThat(generations).allSatisfy(g -> {
            assertThat(g.capacity()).isEqualTo(SLAB);
            assertThat(g.bytesUsed()).isEqualTo(g.entries() * ENTRY).isLessThanOrEqualTo(g.bytesWritten());
        });
        assertThat(generations.stream().mapToLong(CacheLayout.Generation::entries).sum()).isEqualTo(shard.entries());
        assertThat(generations.stream().mapToLong(CacheLayout.Generation::bytesUsed).sum())
                .isEqualTo(shard.bytesUsed());
        CacheStats stats = cache.stats();
        assertThat(shard.entries()).isEqualTo(stats.entries());
        assertThat(shard.bytesCommitted()).isEqualTo(stats.bytesCommitted())
                .isGreaterThan((long) SLAB * (GENERATIONS + 1) + shard.indexCapacity() * IndexTable.SLOT_BYTES)
                .isLessThanOrEqualTo((long) SLAB * (GENERATIONS + 1) + shard.indexCapacity() * IndexTable.SLOT_BYTES
                        + stats.maxMemory() / 4); // plus the frequency sketch, off-heap
        assertThat(stats.generationRotations()).isPositive();
    }

    @Test
    void tooLargeEntryIsRejectedVisiblyAndRemovesTheStaleValue() {
        long max = cache.settings().maxEntryBytes();
        assertThat(max).isEqualTo(SLAB);
        cache.put(1, value(1));
        byte[] huge = new byte[(int) max - EntryLayout.HEADER_BYTES - 4 + 1];
        cache.put(1, huge);
        assertThat(cache.get(1)).isNull();
        CacheStats stats = cache.stats();
        assertThat(stats.rejections()).isEqualTo(1);
        assertThat(stats.puts()).isEqualTo(1);
        assertThat(stats.entries()).isZero();
        assertThat(stats.bytesUsed()).isZero();
        assertThat(listener.events).hasSize(1);
        assertThat(listener.events.getFirst().cause()).isEqualTo(RemovalCause.REJECTED);
        assertThat(listener.events.getFirst().value()).isSameAs(huge);
    }

    @Test
    void anEntryOfExactlyMaxEntryBytesFits() {
        byte[] exact = new byte[SLAB - EntryLayout.HEADER_BYTES - 4];
        for (int i = 0; i < 10; i++) {
            cache.put(i, value(i));
            cache.get(i);
        }
        cache.put(-1, exact);
        assertThat(cache.get(-1)).isEqualTo(exact);
        for (int i = 0; i < 3 * GENERATIONS; i++) {
            // written twice: a new key that loses the admission duel once is admitted when it comes back soon
            cache.put(-2 - i, exact);
            cache.put(-2 - i, exact);
            assertThat(cache.get(-2 - i)).isEqualTo(exact);
        }
        assertThat(cache.stats().rejections()).isZero();
        assertThat(cache.stats().bytesUsed()).isLessThanOrEqualTo(cache.stats().maxMemory());
    }

    @Test
    void listenerFailuresAreSwallowed() {
        ArenaCache<Integer, byte[]> failing = ArenaCache.builder(Codecs.integers(), Codecs.byteArrays())
                .maxMemory(SLAB * 2).shards(1).generations(2).ticker(ticker)
                .evictionListener((k, v, cause) -> {
                    throw new IllegalStateException("listener failure (expected by the test)");
                }).build();
        try {
            for (int i = 0; i < 200; i++) {
                failing.put(i, value(i));
            }
            assertThat(failing.stats().evictions()).isPositive();
            failing.put(199, value(199)); // an update, or a refused key coming back: admitted either way
            assertThat(failing.get(199)).isEqualTo(value(199));
        } finally {
            failing.close();
        }
    }

    /**
     * "An exception thrown by the listener is logged and otherwise ignored": a checked exception too (thrown by a
     * Kotlin or sneaky-throwing listener). It must neither escape the operation, which already changed the cache, nor
     * cost the other removals of the same operation their notification.
     */
    @Test
    void checkedListenerExceptionsAreSwallowedAndTheOtherRemovalsStillReported() {
        List<Integer> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        ArenaCache<Integer, byte[]> failing = ArenaCache.builder(Codecs.integers(), Codecs.byteArrays())
                .maxMemory(SLAB * 2).shards(1).generations(2).ticker(ticker)
                .evictionListener((k, v, cause) -> {
                    told.add(k);
                    throw Sneaky.rethrow(new java.io.IOException("checked listener failure (expected by the test)"));
                }).build();
        try {
            for (int i = 0; i < 3; i++) {
                failing.put(i, value(i), java.time.Duration.ofNanos(1));
            }
            ticker.advanceNanos(1);
            failing.invalidateAll(); // three expirations, reported by one operation
            assertThat(told).containsExactlyInAnyOrder(0, 1, 2);
            assertThat(failing.stats().expirations()).isEqualTo(3);
        } finally {
            failing.close();
        }
    }

    @Test
    void listenerMayUseTheCache() {
        ArenaCache<Integer, byte[]>[] holder = new ArenaCache[1];
        holder[0] = ArenaCache.builder(Codecs.integers(), Codecs.byteArrays()).maxMemory(SLAB * 2).shards(1)
                .generations(2).ticker(ticker).evictionListener((k, v, cause) -> holder[0].get(k)).build();
        try {
            for (int i = 0; i < 200; i++) {
                holder[0].put(i, value(i));
            }
            assertThat(holder[0].stats().evictions()).isPositive();
        } finally {
            holder[0].close();
        }
    }
}
