package io.quarkiverse.arenacache.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.CacheLayout;
import io.quarkiverse.arenacache.CacheStats;
import io.quarkiverse.arenacache.Codecs;
import io.quarkiverse.arenacache.RemovalCause;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random operation sequences against a reference model (a map with expiry), with a budget so small that
 * eviction happens all the time. The cache may forget an entry (eviction) but never returns anything the model
 * does not hold, and never an expired value.
 */
class ModelPropertyTest {

    sealed interface Op {
    }

    record Put(int key, int valueLength, int salt) implements Op {
    }

    record PutTtl(int key, int valueLength, int salt, long ttlMillis) implements Op {
    }

    record Get(int key) implements Op {
    }

    record Invalidate(int key) implements Op {
    }

    record Advance(long millis) implements Op {
    }

    record GetOrLoad(int key, int salt) implements Op {
    }

    record InvalidateAll() implements Op {
    }

    record Modeled(String value, long expiresAt) {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Integer> keys = Arbitraries.integers().between(0, 150);
        // long enough that live entries outgrow the budget between the rare invalidateAll calls: evictions happen only
        // when the live set exceeds the budget (dead bytes of overwrites are compacted, never paid for in entries)
        Arbitrary<Integer> lengths = Arbitraries.integers().between(0, 1500);
        Arbitrary<Integer> salts = Arbitraries.integers().between(0, 1_000_000);
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, net.jqwik.api.Combinators.combine(keys, lengths, salts).as(Put::new)),
                net.jqwik.api.Tuple.of(8, net.jqwik.api.Combinators.combine(keys, lengths, salts,
                        Arbitraries.longs().between(1, 5_000)).as(PutTtl::new)),
                net.jqwik.api.Tuple.of(35, keys.map(Get::new)),
                net.jqwik.api.Tuple.of(6, keys.map(Invalidate::new)),
                net.jqwik.api.Tuple.of(8, Arbitraries.longs().between(1, 3_000).map(Advance::new)),
                net.jqwik.api.Tuple.of(10, net.jqwik.api.Combinators.combine(keys, salts).as(GetOrLoad::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new InvalidateAll())));
        return op.list().ofMinSize(300).ofMaxSize(800);
    }

    @Property(tries = 150)
    void cacheAgreesWithTheModel(@ForAll("operations") List<Op> operations, @ForAll boolean withDefaultTtl,
            @ForAll boolean twoShards) {
        FakeTicker ticker = new FakeTicker();
        RecordingListener<Integer, String> listener = new RecordingListener<>();
        Duration defaultTtl = withDefaultTtl ? Duration.ofMillis(4_000) : null;
        var builder = ArenaCache.builder(Codecs.integers(), Codecs.strings()).maxMemory(twoShards ? 4 * 4096 : 3 * 4096)
                .shards(twoShards ? 2 : 1).generations(twoShards ? 2 : 3).ticker(ticker).evictionListener(listener);
        if (defaultTtl != null) {
            builder.expireAfterWrite(defaultTtl);
        }
        Map<Integer, Modeled> model = new HashMap<>();
        try (ArenaCache<Integer, String> cache = builder.build()) {
            for (Op operation : operations) {
                long now = ticker.read();
                switch (operation) {
                    case Put put -> {
                        String value = value(put.key(), put.valueLength(), put.salt());
                        cache.put(put.key(), value);
                        model.put(put.key(), new Modeled(value, defaultTtl == null ? Long.MAX_VALUE
                                : now + defaultTtl.toNanos()));
                        checkStoredOrRefused(cache, model, listener, put.key(), value);
                    }
                    case PutTtl put -> {
                        String value = value(put.key(), put.valueLength(), put.salt());
                        cache.put(put.key(), value, Duration.ofMillis(put.ttlMillis()));
                        model.put(put.key(), new Modeled(value, now + Duration.ofMillis(put.ttlMillis()).toNanos()));
                        checkStoredOrRefused(cache, model, listener, put.key(), value);
                    }
                    case Get get -> checkGet(cache, model, get.key(), now);
                    case Invalidate invalidate -> {
                        Modeled modeled = model.remove(invalidate.key());
                        boolean removed = cache.invalidate(invalidate.key());
                        if (modeled == null || now >= modeled.expiresAt()) {
                            assertThat(removed).isFalse();
                        }
                        assertThat(cache.containsKey(invalidate.key())).isFalse();
                    }
                    case Advance advance -> ticker.advance(Duration.ofMillis(advance.millis()));
                    case GetOrLoad load -> {
                        Modeled modeled = model.get(load.key());
                        String loaded = value(load.key(), load.salt() % 300, load.salt());
                        String result = cache.getOrLoad(load.key(), k -> loaded);
                        if (modeled != null && now < modeled.expiresAt() && result.equals(modeled.value())) {
                            // a hit: the model stays as it is
                        } else {
                            assertThat(result).isEqualTo(loaded);
                            model.put(load.key(), new Modeled(loaded, defaultTtl == null ? Long.MAX_VALUE
                                    : now + defaultTtl.toNanos()));
                        }
                    }
                    case InvalidateAll all -> {
                        cache.invalidateAll();
                        model.clear();
                        assertThat(cache.size()).isZero();
                    }
                }
                checkInvariants(cache);
            }
            // every key: the model's value or nothing
            long now = ticker.read();
            for (int key = 0; key <= 150; key++) {
                checkGet(cache, model, key, now);
            }
            CacheStats stats = cache.stats();
            Statistics.label("evictions").collect(stats.evictions() > 0);
            Statistics.label("evictions").coverage(c -> c.check(true).percentage(p -> p > 50));
            assertThat(listener.count(RemovalCause.SIZE)).isEqualTo(stats.evictions());
            assertThat(listener.count(RemovalCause.EXPIRED)).isEqualTo(stats.expirations());
            assertThat(stats.rejections()).isZero();
        }
    }

    /**
     * A put is stored, or refused by admission: then it was reported as the {@code SIZE} eviction of exactly that
     * key and value, and the key is absent (its old value was removed too).
     */
    private static void checkStoredOrRefused(ArenaCache<Integer, String> cache, Map<Integer, Modeled> model,
            RecordingListener<Integer, String> listener, int key, String value) {
        if (cache.containsKey(key)) {
            return;
        }
        RecordingListener.Event<Integer, String> last = listener.events.getLast();
        assertThat(last).isEqualTo(new RecordingListener.Event<>(key, value, RemovalCause.SIZE));
        model.remove(key);
    }

    private static void checkGet(ArenaCache<Integer, String> cache, Map<Integer, Modeled> model, int key, long now) {
        String value = cache.get(key);
        Modeled modeled = model.get(key);
        if (modeled == null || now >= modeled.expiresAt()) {
            assertThat(value).as("key %d absent or expired in the model", key).isNull();
            model.remove(key);
        } else if (value == null) {
            model.remove(key); // evicted: it must stay gone until written again
        } else {
            assertThat(value).isEqualTo(modeled.value());
        }
    }

    private static void checkInvariants(ArenaCache<Integer, String> cache) {
        CacheStats stats = cache.stats();
        assertThat(stats.bytesUsed()).isLessThanOrEqualTo(stats.maxMemory());
        assertThat(stats.entries()).isEqualTo(cache.size());
        CacheLayout layout = cache.layout();
        long entries = 0;
        long bytes = 0;
        for (CacheLayout.Shard shard : layout.shards()) {
            long shardEntries = 0;
            long shardBytes = 0;
            for (CacheLayout.Generation generation : shard.generations()) {
                assertThat(generation.bytesUsed()).isBetween(0L, generation.bytesWritten());
                assertThat(generation.bytesWritten()).isLessThanOrEqualTo(generation.capacity());
                assertThat(generation.entries()).isNotNegative();
                shardEntries += generation.entries();
                shardBytes += generation.bytesUsed();
            }
            assertThat(shardEntries).isEqualTo(shard.entries());
            assertThat(shardBytes).isEqualTo(shard.bytesUsed());
            assertThat(shard.generations().stream().filter(CacheLayout.Generation::head).count())
                    .isEqualTo(shard.generations().isEmpty() ? 0 : 1);
            entries += shardEntries;
            bytes += shardBytes;
        }
        assertThat(entries).isEqualTo(stats.entries());
        assertThat(bytes).isEqualTo(stats.bytesUsed());
    }

    /** A value that names its key, so a value returned for the wrong key is caught. */
    private static String value(int key, int length, int salt) {
        StringBuilder value = new StringBuilder().append(key).append(':').append(salt).append(':');
        while (value.length() < length) {
            value.append((char) ('a' + (salt + value.length()) % 26));
        }
        return value.toString();
    }
}
