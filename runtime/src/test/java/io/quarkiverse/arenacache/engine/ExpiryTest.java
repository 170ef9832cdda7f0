package io.quarkiverse.arenacache.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.Codecs;
import io.quarkiverse.arenacache.RemovalCause;
import io.quarkiverse.arenacache.Ticker;

class ExpiryTest {

    private final FakeTicker ticker = new FakeTicker();
    private final RecordingListener<String, String> listener = new RecordingListener<>();
    private ArenaCache<String, String> cache;

    @AfterEach
    void close() {
        if (cache != null) {
            cache.close();
        }
    }

    private ArenaCache<String, String> cache(Duration expireAfterWrite) {
        var builder = ArenaCache.builder(Codecs.strings(), Codecs.strings()).maxMemory(1 << 20).shards(2)
                .generations(4).ticker(ticker).evictionListener(listener);
        if (expireAfterWrite != null) {
            builder.expireAfterWrite(expireAfterWrite);
        }
        cache = builder.build();
        return cache;
    }

    @Test
    void cacheWideExpireAfterWrite() {
        cache(Duration.ofSeconds(10));
        cache.put("k", "v");
        ticker.advance(Duration.ofSeconds(10).minusNanos(1));
        assertThat(cache.get("k")).isEqualTo("v");
        ticker.advanceNanos(1);
        assertThat(cache.get("k")).isNull();
        assertThat(cache.containsKey("k")).isFalse();
        assertThat(cache.stats().expirations()).isEqualTo(1);
        assertThat(cache.stats().misses()).isEqualTo(1);
        assertThat(cache.size()).isZero();
        assertThat(listener.events).containsExactly(new RecordingListener.Event<>("k", "v", RemovalCause.EXPIRED));
    }

    @Test
    void perEntryTtlOverridesTheCacheWideOne() {
        cache(Duration.ofSeconds(10));
        cache.put("short", "s", Duration.ofSeconds(1));
        cache.put("long", "l", Duration.ofMinutes(1));
        cache.put("default", "d");
        ticker.advance(Duration.ofSeconds(2));
        assertThat(cache.get("short")).isNull();
        assertThat(cache.get("default")).isEqualTo("d");
        ticker.advance(Duration.ofSeconds(10));
        assertThat(cache.get("default")).isNull();
        assertThat(cache.get("long")).isEqualTo("l");
        assertThat(cache.stats().expirations()).isEqualTo(2);
    }

    @Test
    void withoutTtlEntriesNeverExpire() {
        cache(null);
        cache.put("k", "v");
        ticker.advance(Duration.ofDays(10_000));
        assertThat(cache.get("k")).isEqualTo("v");
        cache.put("huge", "v", Duration.ofSeconds(Long.MAX_VALUE));
        assertThat(cache.get("huge")).isEqualTo("v");
    }

    @Test
    void lookupsReadTheClockOnlyOnceAnEntryCanExpire() {
        AtomicLong reads = new AtomicLong();
        Ticker counting = () -> {
            reads.incrementAndGet();
            return ticker.read();
        };
        try (ArenaCache<String, String> noTtl = ArenaCache.builder(Codecs.strings(), Codecs.strings())
                .maxMemory(1 << 20).shards(1).ticker(counting).build()) {
            noTtl.put("k", "v");
            long afterPut = reads.get();
            assertThat(noTtl.get("k")).isEqualTo("v");
            assertThat(noTtl.get("absent")).isNull();
            assertThat(reads.get()).isEqualTo(afterPut);
            // the first entry with a TTL turns clock reads on for every lookup, and it does expire
            noTtl.put("short", "s", Duration.ofSeconds(1));
            long afterTtlPut = reads.get();
            assertThat(noTtl.get("k")).isEqualTo("v");
            assertThat(reads.get()).isEqualTo(afterTtlPut + 1);
            ticker.advance(Duration.ofSeconds(1));
            assertThat(noTtl.get("short")).isNull();
            assertThat(noTtl.get("k")).isEqualTo("v");
            assertThat(noTtl.stats().expirations()).isEqualTo(1);
        }
    }

    @Test
    void eachExpiredEntryIsCountedOnceWhicheverOperationRemovesIt() {
        cache(null);
        cache.put("looked-up", "1", Duration.ofSeconds(1));
        cache.put("overwritten", "2", Duration.ofSeconds(1));
        cache.put("invalidated", "3", Duration.ofSeconds(1));
        cache.put("cleared", "4", Duration.ofSeconds(1));
        cache.put("read", "5", Duration.ofSeconds(1));
        cache.put("live", "6");
        ticker.advance(Duration.ofSeconds(1));
        assertThat(cache.get("looked-up")).isNull();
        assertThat(cache.get("looked-up")).isNull();
        String read = cache.read("read", (s, o, l) -> "called");
        assertThat(read).isNull();
        cache.put("overwritten", "new");
        assertThat(cache.invalidate("invalidated")).isFalse();
        assertThat(cache.stats().expirations()).isEqualTo(4);
        cache.invalidateAll();
        var stats = cache.stats();
        assertThat(stats.expirations()).isEqualTo(5);
        assertThat(stats.explicitRemovals()).isEqualTo(2); // "live" and the new "overwritten"
        assertThat(listener.count(RemovalCause.EXPIRED)).isEqualTo(5);
        assertThat(listener.events).extracting(RecordingListener.Event::key).containsExactlyInAnyOrder("looked-up",
                "read", "overwritten", "invalidated", "cleared");
    }

    @Test
    void expiredEntriesAreNotRetainedAtRotation() {
        ArenaCache<Integer, String> cache = ArenaCache.builder(Codecs.integers(), Codecs.strings())
                .maxMemory(4 * 4096).shards(1).generations(4).ticker(ticker).build();
        try {
            for (int i = 0; i < 10; i++) {
                cache.put(i, "x".repeat(100), Duration.ofSeconds(1));
                cache.get(i); // referenced: would get a second chance if it were alive
            }
            ticker.advance(Duration.ofSeconds(5));
            for (int i = 100; i < 500; i++) {
                cache.put(i, "y".repeat(100));
            }
            var stats = cache.stats();
            assertThat(stats.expirations()).isEqualTo(10);
            assertThat(stats.generationRotations()).isPositive();
            assertThat(stats.bytesUsed()).isLessThanOrEqualTo(stats.maxMemory());
        } finally {
            cache.close();
        }
    }

    @Test
    void invalidateIfSkipsExpiredEntries() {
        cache(null);
        cache.put("a", "1", Duration.ofSeconds(1));
        cache.put("b", "2");
        ticker.advance(Duration.ofSeconds(1));
        assertThat(cache.invalidateIf(k -> true)).isEqualTo(1);
        assertThat(cache.get("b")).isNull();
    }
}
