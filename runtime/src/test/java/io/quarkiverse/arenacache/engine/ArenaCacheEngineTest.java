package io.quarkiverse.arenacache.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.CacheLayout;
import io.quarkiverse.arenacache.CacheStats;
import io.quarkiverse.arenacache.Codecs;

class ArenaCacheEngineTest {

    private final FakeTicker ticker = new FakeTicker();
    private final List<ArenaCache<?, ?>> caches = new ArrayList<>();

    @AfterEach
    void closeCaches() {
        caches.forEach(ArenaCache::close);
    }

    private ArenaCache<String, String> strings() {
        ArenaCache<String, String> cache = ArenaCache.builder(Codecs.strings(), Codecs.strings()).name("test")
                .maxMemory(1 << 20).shards(4).generations(4).ticker(ticker).build();
        caches.add(cache);
        return cache;
    }

    @Test
    void putThenGetReturnsAnEqualFreshValue() {
        ArenaCache<String, byte[]> cache = ArenaCache.builder(Codecs.strings(), Codecs.byteArrays())
                .maxMemory(1 << 20).ticker(ticker).build();
        caches.add(cache);
        byte[] value = { 1, 2, 3 };
        cache.put("k", value);
        value[0] = 9;
        byte[] first = cache.get("k");
        assertThat(first).containsExactly(1, 2, 3);
        first[1] = 9;
        assertThat(cache.get("k")).containsExactly(1, 2, 3);
        assertThat(cache.get("absent")).isNull();
    }

    @Test
    void overwriteReplacesTheValueAndKeepsOneEntry() {
        ArenaCache<String, String> cache = strings();
        cache.put("k", "one");
        cache.put("k", "two, a longer value");
        assertThat(cache.get("k")).isEqualTo("two, a longer value");
        assertThat(cache.size()).isEqualTo(1);
        CacheStats stats = cache.stats();
        assertThat(stats.puts()).isEqualTo(2);
        assertThat(stats.entries()).isEqualTo(1);
        assertThat(stats.bytesUsed()).isEqualTo(EntryLayout.HEADER_BYTES + 1 + "two, a longer value".length());
    }

    @Test
    void emptyKeysAndValuesAreStored() {
        ArenaCache<String, String> cache = strings();
        cache.put("", "");
        assertThat(cache.get("")).isEqualTo("");
        assertThat(cache.containsKey("")).isTrue();
    }

    @Test
    void manyKeysSurviveIndexGrowth() {
        ArenaCache<Integer, Integer> cache = ArenaCache.builder(Codecs.integers(), Codecs.integers())
                .maxMemory(64L << 20).shards(2).ticker(ticker).build();
        caches.add(cache);
        for (int i = 0; i < 50_000; i++) {
            cache.put(i, -i);
        }
        for (int i = 0; i < 50_000; i++) {
            assertThat(cache.get(i)).isEqualTo(-i);
        }
        assertThat(cache.size()).isEqualTo(50_000);
        CacheLayout layout = cache.layout();
        assertThat(layout.shards()).allSatisfy(s -> assertThat(s.indexCapacity()).isGreaterThan(s.entries()));
        // removing every other key keeps the rest findable (backward-shift deletion)
        for (int i = 0; i < 50_000; i += 2) {
            assertThat(cache.invalidate(i)).isTrue();
        }
        for (int i = 0; i < 50_000; i++) {
            assertThat(cache.get(i)).isEqualTo(i % 2 == 0 ? null : -i);
        }
    }

    @Test
    void statsCountHitsMissesAndContainsKeyCountsNothing() {
        ArenaCache<String, String> cache = strings();
        cache.put("a", "1");
        cache.get("a");
        cache.get("a");
        cache.get("b");
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        CacheStats stats = cache.stats();
        assertThat(stats.hits()).isEqualTo(2);
        assertThat(stats.misses()).isEqualTo(1);
        assertThat(stats.maxMemory()).isEqualTo(1 << 20);
    }

    @Test
    void zeroCopyReadSeesTheStoredBytesReadOnly() {
        ArenaCache<String, String> cache = strings();
        cache.put("k", "héllo");
        List<MemorySegment> seen = new ArrayList<>();
        String read = cache.read("k", (segment, offset, length) -> {
            seen.add(segment);
            byte[] bytes = new byte[length];
            MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, offset, bytes, 0, length);
            return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        });
        assertThat(read).isEqualTo("héllo");
        assertThat(seen.getFirst().isReadOnly()).isTrue();
        String absent = cache.read("absent", (s, o, l) -> "called");
        assertThat(absent).isNull();
        Integer valueLength = cache.read("k", (s, o, l) -> l);
        assertThat(valueLength).isEqualTo(6);
        assertThat(cache.stats().hits()).isEqualTo(2);
        assertThat(cache.stats().misses()).isEqualTo(1);
        // the same read-only view is handed out every time (created once per slab)
        cache.read("k", (segment, offset, length) -> seen.add(segment));
        assertThat(seen.get(1)).isSameAs(seen.get(0));
    }

    @Test
    void invalidateReportsWhetherALiveValueWasRemoved() {
        ArenaCache<String, String> cache = strings();
        cache.put("k", "v");
        assertThat(cache.invalidate("k")).isTrue();
        assertThat(cache.invalidate("k")).isFalse();
        assertThat(cache.get("k")).isNull();
        assertThat(cache.stats().explicitRemovals()).isEqualTo(1);
        assertThat(cache.stats().bytesUsed()).isZero();
    }

    @Test
    void invalidateIfRemovesMatchingKeys() {
        ArenaCache<String, String> cache = strings();
        for (int i = 0; i < 100; i++) {
            cache.put("key-" + i, "v" + i);
        }
        long removed = cache.invalidateIf(k -> k.endsWith("7"));
        assertThat(removed).isEqualTo(10);
        assertThat(cache.size()).isEqualTo(90);
        assertThat(cache.get("key-17")).isNull();
        assertThat(cache.get("key-18")).isEqualTo("v18");
        assertThat(cache.stats().explicitRemovals()).isEqualTo(10);
    }

    @Test
    void invalidateAllKeepsMemoryCommitted() {
        ArenaCache<String, String> cache = strings();
        for (int i = 0; i < 100; i++) {
            cache.put("key-" + i, "v" + i);
        }
        long committed = cache.stats().bytesCommitted();
        cache.invalidateAll();
        assertThat(cache.size()).isZero();
        assertThat(cache.get("key-1")).isNull();
        CacheStats stats = cache.stats();
        assertThat(stats.bytesUsed()).isZero();
        assertThat(stats.bytesCommitted()).isEqualTo(committed);
        assertThat(stats.explicitRemovals()).isEqualTo(100);
        cache.put("again", "yes");
        assertThat(cache.get("again")).isEqualTo("yes");
    }

    @Test
    void emptyCacheCommitsLittleAndSlabsAreAllocatedLazily() {
        ArenaCache<String, String> cache = ArenaCache.builder(Codecs.strings(), Codecs.strings())
                .maxMemory(1L << 30).shards(16).generations(8).ticker(ticker).build();
        caches.add(cache);
        // 16 index tables of 1 KiB and the policy's starting frequency sketch (64 KiB for a budget this large)
        assertThat(cache.stats().bytesCommitted()).isLessThan(128 * 1024);
        assertThat(cache.layout().shards()).allSatisfy(s -> assertThat(s.generations()).isEmpty());
        cache.put("k", "v");
        long slab = cache.settings().generationBytes();
        assertThat(cache.stats().bytesCommitted()).isBetween(slab, slab + 128 * 1024);
    }

    @Test
    void nullArgumentsAreRejectedByName() {
        ArenaCache<String, String> cache = strings();
        assertNpe(() -> cache.get(null), "key");
        assertNpe(() -> cache.put(null, "v"), "key");
        assertNpe(() -> cache.put("k", null), "value");
        assertNpe(() -> cache.put("k", "v", null), "ttl");
        assertNpe(() -> cache.read(null, (s, o, l) -> l), "key");
        assertNpe(() -> cache.read("k", null), "reader");
        assertNpe(() -> cache.containsKey(null), "key");
        assertNpe(() -> cache.invalidate(null), "key");
        assertNpe(() -> cache.invalidateIf(null), "predicate");
        assertNpe(() -> cache.getOrLoad(null, k -> "v"), "key");
        assertNpe(() -> cache.getOrLoad("k", null), "loader");
        assertNpe(() -> cache.getOrLoadAsync(null, k -> null), "key");
        assertNpe(() -> cache.getOrLoadAsync("k", null), "loader");
    }

    private static void assertNpe(Runnable call, String argument) {
        assertThatThrownBy(call::run).isInstanceOf(NullPointerException.class).hasMessageContaining(argument);
    }

    @Test
    void nonPositiveTtlIsRejectedByName() {
        ArenaCache<String, String> cache = strings();
        assertThatThrownBy(() -> cache.put("k", "v", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ttl");
        assertThatThrownBy(() -> cache.put("k", "v", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
        assertThat(cache.size()).isZero();
    }

    @Test
    void everyCallAfterCloseFailsNamingTheCache() {
        ArenaCache<String, String> cache = strings();
        cache.put("k", "v");
        cache.close();
        cache.close();
        assertThat(cache.isClosed()).isTrue();
        assertThat(cache.name()).isEqualTo("test");
        List<Consumer<ArenaCache<String, String>>> calls = List.of(
                c -> c.get("k"), c -> c.put("k", "v"), c -> c.put("k", "v", Duration.ofSeconds(1)),
                c -> c.read("k", (s, o, l) -> l), c -> c.containsKey("k"), c -> c.getOrLoad("k", k -> "v"),
                c -> c.getOrLoadAsync("k", k -> null), c -> c.invalidate("k"), c -> c.invalidateIf(k -> true),
                ArenaCache::invalidateAll, ArenaCache::size, ArenaCache::stats, ArenaCache::layout,
                ArenaCache::settings, ArenaCache::keyCodec, ArenaCache::valueCodec);
        for (Consumer<ArenaCache<String, String>> call : calls) {
            assertThatThrownBy(() -> call.accept(cache)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("'test'").hasMessageContaining("closed");
        }
    }

    @Test
    void concurrentClosesAreSafe() throws Exception {
        ArenaCache<String, String> cache = strings();
        cache.put("k", "v");
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            threads.add(Thread.ofPlatform().start(cache::close));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(cache.isClosed()).isTrue();
    }

    @Test
    void settingsAreThoseOfTheBuilder() {
        ArenaCache<String, String> cache = strings();
        assertThat(cache.settings().name()).isEqualTo("test");
        assertThat(cache.settings().shards()).isEqualTo(4);
        assertThat(cache.settings().generations()).isEqualTo(4);
        assertThat(cache.settings().generationBytes()).isEqualTo((1 << 20) / 16);
        assertThat(cache.settings().maxEntryBytes()).isEqualTo((1 << 20) / 16);
        assertThat(cache.keyCodec()).isSameAs(Codecs.strings());
        assertThat(cache.valueCodec()).isSameAs(Codecs.strings());
    }
}
