package io.quarkiverse.arenacache.engine;

import static io.quarkiverse.arenacache.engine.SmallRing.ENTRY;
import static io.quarkiverse.arenacache.engine.SmallRing.GENERATIONS;
import static io.quarkiverse.arenacache.engine.SmallRing.SLAB;
import static io.quarkiverse.arenacache.engine.SmallRing.value;
import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.CacheStats;
import io.quarkiverse.arenacache.RemovalCause;

/** The admission side of the policy: the frequency duel, the ghost table, and what they do to a whole cache. */
class AdmissionTest {

    private static final int CAPACITY = SLAB * GENERATIONS / ENTRY;

    private final FakeTicker ticker = new FakeTicker();
    private final RecordingListener<Integer, byte[]> listener = new RecordingListener<>();
    private final ArenaCache<Integer, byte[]> cache = SmallRing.cache("admission", ticker, listener);

    @AfterEach
    void close() {
        cache.close();
    }

    /** Cache-aside, as an application uses the cache: read, and write on a miss. */
    private boolean access(int key) {
        if (cache.get(key) != null) {
            return true;
        }
        cache.put(key, value(key));
        return false;
    }

    @Test
    void theDuelRefusesAColdKeyInFavourOfAHotVictim() {
        SecondChancePolicy policy = new SecondChancePolicy(1 << 20);
        long hot = 0x1234_5678_9ABC_DEF0L;
        long cold = 0x0FED_CBA9_8765_4321L;
        for (int i = 0; i < 5; i++) {
            policy.recordHit(hot);
        }
        policy.recordWrite(cold);
        int coldFrequency = policy.frequency(cold);
        assertThat(policy.judge(false, hot, cold, coldFrequency, false, true))
                .isEqualTo(SecondChancePolicy.REFUSE_INCOMING);
        // the other way round the victim goes
        assertThat(policy.judge(false, cold, hot, policy.frequency(hot), false, true))
                .isEqualTo(SecondChancePolicy.EVICT);
        // a referenced victim is kept (within the cap), whatever the frequencies
        assertThat(policy.judge(true, cold, hot, policy.frequency(hot), false, true))
                .isEqualTo(SecondChancePolicy.KEEP);
        assertThat(policy.judge(true, cold, hot, policy.frequency(hot), false, false))
                .isEqualTo(SecondChancePolicy.EVICT);
        // an update of a live key is never refused
        assertThat(policy.judge(false, hot, cold, coldFrequency, true, true)).isEqualTo(SecondChancePolicy.EVICT);
        // a refused key that comes back while its ghost remains is admitted
        policy.recordRefusal(cold);
        assertThat(policy.isGhost(cold)).isTrue();
        assertThat(policy.judge(false, hot, cold, coldFrequency, false, true)).isEqualTo(SecondChancePolicy.EVICT);
    }

    @Test
    void tiesGoToTheNewcomerOnlyWhileBothAreRare() {
        SecondChancePolicy policy = new SecondChancePolicy(1 << 20);
        long victim = 0x1111_2222_3333_4444L;
        long incoming = 0x5555_6666_7777_8888L;
        policy.recordWrite(victim);
        policy.recordWrite(incoming);
        // seen once each: FIFO order, the victim goes (a stream of new keys is cached)
        assertThat(policy.judge(false, victim, incoming, policy.frequency(incoming), false, true))
                .isEqualTo(SecondChancePolicy.EVICT);
        policy.recordHit(victim);
        policy.recordWrite(incoming);
        // seen twice each: the resident stays (a loop larger than the cache cannot flush it)
        assertThat(policy.judge(false, victim, incoming, policy.frequency(incoming), false, true))
                .isEqualTo(SecondChancePolicy.REFUSE_INCOMING);
    }

    @Test
    void aRefusedPutIsCountedAndReportedAsAnEvictionOfTheNewEntry() {
        for (int key = 0; key < CAPACITY; key++) {
            cache.put(key, value(key));
            cache.get(key);
            cache.get(key);
        }
        assertThat(cache.stats().evictions()).isZero();
        assertThat(cache.stats().bytesUsed()).isEqualTo(cache.stats().maxMemory());
        cache.put(-1, value(1));
        CacheStats stats = cache.stats();
        assertThat(cache.containsKey(-1)).as("a key seen once loses to keys read twice").isFalse();
        assertThat(stats.puts()).isEqualTo(CAPACITY + 1);
        assertThat(stats.evictions()).isEqualTo(1);
        assertThat(stats.evictionBytes()).isEqualTo(ENTRY);
        assertThat(stats.entries()).isEqualTo(CAPACITY);
        RecordingListener.Event<Integer, byte[]> event = listener.events.getLast();
        assertThat(event.cause()).isEqualTo(RemovalCause.SIZE);
        assertThat(event.key()).isEqualTo(-1);
        assertThat(event.value()).isEqualTo(value(1));
        // asked for again soon: its ghost admits it, evicting an old entry
        cache.put(-1, value(2));
        assertThat(cache.get(-1)).isEqualTo(value(2));
        assertThat(cache.stats().entries()).isEqualTo(CAPACITY);
        assertThat(cache.stats().bytesUsed()).isLessThanOrEqualTo(cache.stats().maxMemory());
    }

    @Test
    void aOnePassScanDoesNotFlushFrequentlyReadEntries() {
        int hotKeys = CAPACITY / 4;
        for (int round = 0; round < 4; round++) {
            for (int key = 0; key < hotKeys; key++) {
                access(key);
            }
        }
        // one pass over three times as many keys as the cache holds, each asked for once
        int scanHits = 0;
        for (int key = 1000; key < 1000 + 3 * CAPACITY; key++) {
            scanHits += access(key) ? 1 : 0;
        }
        assertThat(scanHits).isZero();
        for (int key = 0; key < hotKeys; key++) {
            assertThat(cache.containsKey(key)).as("hot key %d", key).isTrue();
        }
        assertThat(cache.stats().bytesUsed()).isLessThanOrEqualTo(cache.stats().maxMemory());
    }

    @Test
    void aLoopLargerThanTheCacheStillHits() {
        // LRU and FIFO never hit a loop over more keys than they hold; keeping part of it does
        int loop = CAPACITY * 2;
        long hits = 0;
        for (int round = 0; round < 20; round++) {
            for (int key = 0; key < loop; key++) {
                hits += access(key) ? 1 : 0;
            }
        }
        assertThat(hits).isGreaterThan(10L * CAPACITY / 2);
    }
}
