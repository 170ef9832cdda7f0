package io.quarkiverse.arenacache.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.CacheStats;
import io.quarkiverse.arenacache.Codecs;
import io.quarkiverse.arenacache.RemovalCause;

/** Expiry met while making room, and the counters it must leave right. */
class ExpiryBookkeepingTest {

    private final FakeTicker ticker = new FakeTicker();
    private final RecordingListener<Integer, String> listener = new RecordingListener<>();

    private ArenaCache<Integer, String> smallCache() {
        // one shard, two generation slabs of 4 KiB: a live budget of 8 KiB
        return ArenaCache.builder(Codecs.integers(), Codecs.strings()).maxMemory(2 * 4096).shards(1).generations(2)
                .ticker(ticker).evictionListener(listener).build();
    }

    /**
     * The window cursor removes an expired window entry while making room: the bytes it freed count. Before the fix
     * the "budget short" verdict taken before that removal was kept, and a live entry was evicted for room the
     * expiration had already made (with nothing left to evict, the put failed with "no entry left to evict").
     */
    @Test
    void anExpiredWindowEntryMakesRoomWithoutEvictingALiveOne() {
        try (ArenaCache<Integer, String> cache = smallCache()) {
            cache.put(1, "a".repeat(3000)); // enters the window
            cache.put(2, "b".repeat(3000), Duration.ofNanos(1)); // 1 leaves the window for the main region
            ticker.advanceNanos(1); // 2 expires
            cache.put(3, "c".repeat(3000)); // 2 + 3 + 1 would not fit; 3 + 1 do

            assertThat(cache.get(1)).isNotNull();
            assertThat(cache.get(3)).isNotNull();
            CacheStats stats = cache.stats();
            assertThat(stats.evictions()).isZero();
            assertThat(stats.expirations()).isEqualTo(1);
            assertThat(listener.events).containsExactly(
                    new RecordingListener.Event<>(2, "b".repeat(3000), RemovalCause.EXPIRED));
            TimeBookkeepingPropertyTest.checkInternals(cache);
        }
    }
}
