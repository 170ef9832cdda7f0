package io.quarkiverse.arenacache.engine;

import static io.quarkiverse.arenacache.engine.SmallRing.ENTRY;
import static io.quarkiverse.arenacache.engine.SmallRing.GENERATIONS;
import static io.quarkiverse.arenacache.engine.SmallRing.SLAB;
import static io.quarkiverse.arenacache.engine.SmallRing.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.CacheStats;
import io.quarkiverse.arenacache.RemovalCause;

/** The admission side of the policy: the window, the frequency duel, and what they do to a whole cache. */
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

    /** The shard whose clocks the policy's hints are stamped with (one shard here). */
    private final WriteState shard = new WriteState();

    @Test
    void theDuelAdmitsOnlyACandidateSeenMoreOftenThanTheVictim() {
        try (Arena arena = Arena.ofConfined()) {
            WindowTinyLfuPolicy policy = new WindowTinyLfuPolicy(1 << 20, 1, arena);
            long hot = 0x1234_5678_9ABC_DEF0L;
            long cold = 0x0FED_CBA9_8765_4321L;
            long unseen = 0x0123_4567_89AB_CDEFL;
            long unseenToo = 0x7654_3210_FEDC_BA98L;
            for (int i = 0; i < 5; i++) {
                policy.reads().record(hot);
            }
            policy.recordWrite(cold);
            policy.catchUp();
            assertThat(policy.admits(cold, hot, shard)).isFalse();
            assertThat(policy.admits(hot, cold, shard)).isTrue();
            // ties go to the victim, except between keys the sketch has never seen (a stream of new keys flows)
            assertThat(policy.admits(cold, cold, shard)).isFalse();
            assertThat(policy.admits(unseen, unseenToo, shard)).isTrue();
        }
    }

    @Test
    void aNewEntryAlwaysGetsInAndAColdCandidateLeavingTheWindowIsEvictedAsSize() {
        for (int key = 0; key < CAPACITY; key++) {
            cache.put(key, value(key));
            cache.get(key);
            cache.get(key);
        }
        assertThat(cache.stats().evictions()).isZero();
        assertThat(cache.stats().bytesUsed()).isEqualTo(cache.stats().maxMemory());
        cache.put(-1, value(1));
        // the new entry is in the window: a get right after the put hits
        assertThat(cache.get(-1)).isEqualTo(value(1));
        assertThat(cache.stats().bytesUsed()).isLessThanOrEqualTo(cache.stats().maxMemory());
        // a stream of one-time keys: each pushes the previous one out of the window, and it loses the duel
        for (int key = 1000; key < 1000 + CAPACITY; key++) {
            cache.put(key, value(key));
            assertThat(cache.stats().bytesUsed()).isLessThanOrEqualTo(cache.stats().maxMemory());
        }
        CacheStats stats = cache.stats();
        assertThat(stats.entries()).isEqualTo(CAPACITY);
        assertThat(stats.evictions()).isEqualTo(stats.puts() - CAPACITY);
        assertThat(stats.evictionBytes()).isEqualTo(stats.evictions() * ENTRY);
        assertThat(listener.count(RemovalCause.SIZE)).isEqualTo(stats.evictions());
        int hotLeft = 0;
        for (int key = 0; key < CAPACITY; key++) {
            hotLeft += cache.containsKey(key) ? 1 : 0;
        }
        assertThat(hotLeft).as("keys read twice survive one-time keys").isGreaterThanOrEqualTo(CAPACITY - 2);
        RecordingListener.Event<Integer, byte[]> event = listener.events.getLast();
        assertThat(event.cause()).isEqualTo(RemovalCause.SIZE);
        assertThat(event.key()).isBetween(1000, 1000 + CAPACITY);
        assertThat(event.value()).isEqualTo(value(event.key()));
    }

    @Test
    void oneTimeKeysLeaveTheWindowOldestFirstThroughManyCompactions() {
        for (int key = 0; key < CAPACITY; key++) {
            cache.put(key, value(key));
            cache.get(key);
            cache.get(key);
        }
        // ten times the cache in one-time keys: the dead candidates fill the ring again and again, so slabs holding
        // a prefix of kept main-region entries are compacted and become the head, under the window's entries
        int first = 1000;
        int last = first + 10 * CAPACITY;
        for (int key = first; key < last; key++) {
            cache.put(key, value(key));
        }
        int previous = Integer.MIN_VALUE;
        for (RecordingListener.Event<Integer, byte[]> event : listener.events) {
            if (event.key() >= first) {
                assertThat(event.key()).as("window entries leave oldest first").isGreaterThan(previous);
                previous = event.key();
            }
        }
        int youngestEvicted = previous;
        assertThat(youngestEvicted).isGreaterThan(last - CAPACITY);
        for (int key = youngestEvicted + 1; key < last; key++) {
            // none of the window's entries was skipped by its cursor or lost in a compaction
            assertThat(cache.containsKey(key)).as("one-time key %d, younger than every evicted one", key).isTrue();
        }
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
