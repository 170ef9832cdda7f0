package io.quarkiverse.arenacache.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.Codec;
import io.quarkiverse.arenacache.Codecs;
import io.quarkiverse.arenacache.RemovalCause;

/** Lookups of {@code Long}, {@code Integer} and {@code UUID} keys as words must agree with the encoding path. */
class WordKeysTest {

    private static final long[] EDGES = { 0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MIN_VALUE,
            Integer.MAX_VALUE, 0xFFFF_FFFFL, 1L << 32 };

    @Test
    void onlyTheBuiltInFixedWidthCodecsAreWordKeys() {
        assertThat(WordKeys.lengthFor(Codecs.longs())).isEqualTo(8);
        assertThat(WordKeys.lengthFor(Codecs.integers())).isEqualTo(4);
        assertThat(WordKeys.lengthFor(Codecs.uuids())).isEqualTo(16);
        assertThat(WordKeys.lengthFor(Codecs.doubles())).isEqualTo(WordKeys.NONE);
        assertThat(WordKeys.lengthFor(Codecs.strings())).isEqualTo(WordKeys.NONE);
        assertThat(WordKeys.lengthFor(new DelegatingCodec<>(Codecs.longs()))).isEqualTo(WordKeys.NONE);
    }

    @Test
    void wordHashesEqualTheHashOfTheEncodedBytes() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 10_000 + EDGES.length; i++) {
            long value = i < EDGES.length ? EDGES[i] : random.nextLong();
            long other = random.nextLong();
            assertThat(KeyHash.hashLong(value)).isEqualTo(encodedHash(Codecs.longs(), value));
            assertThat(KeyHash.hashInt((int) value)).isEqualTo(encodedHash(Codecs.integers(), (int) value));
            assertThat(KeyHash.hashTwoLongs(value, other))
                    .isEqualTo(encodedHash(Codecs.uuids(), new UUID(value, other)));
        }
    }

    @Test
    void longKeysHitMissAndCount() {
        try (ArenaCache<Long, String> cache = ArenaCache.builder(Codecs.longs(), Codecs.strings()).maxMemory(1 << 20)
                .shards(4).build()) {
            for (long key : EDGES) {
                cache.put(key, "v" + key);
            }
            for (long key : EDGES) {
                assertThat(cache.get(key)).isEqualTo("v" + key);
                assertThat(cache.containsKey(key)).isTrue();
                Integer length = cache.read(key, (segment, offset, valueLength) -> valueLength);
                assertThat(length).isEqualTo(("v" + key).length());
            }
            assertThat(cache.get(2L)).isNull();
            assertThat(cache.containsKey(-2L)).isFalse();
            assertThat(cache.stats().hits()).isEqualTo(2L * EDGES.length);
            assertThat(cache.stats().misses()).isEqualTo(1);
        }
    }

    @Test
    void integerKeysAreComparedOnTheirFourBytes() {
        try (ArenaCache<Integer, Integer> cache = ArenaCache.builder(Codecs.integers(), Codecs.integers())
                .maxMemory(1 << 20).shards(2).build()) {
            for (int key = -500; key < 500; key++) {
                cache.put(key, key * 3);
            }
            for (int key = -500; key < 500; key++) {
                assertThat(cache.get(key)).isEqualTo(key * 3);
            }
            assertThat(cache.get(500)).isNull();
            assertThat(cache.get(Integer.MIN_VALUE)).isNull();
        }
    }

    @Test
    void uuidKeysAreComparedOnBothWords() {
        try (ArenaCache<UUID, String> cache = ArenaCache.builder(Codecs.uuids(), Codecs.strings()).maxMemory(1 << 20)
                .shards(2).build()) {
            UUID key = new UUID(7, 9);
            cache.put(key, "seven-nine");
            assertThat(cache.get(new UUID(7, 9))).isEqualTo("seven-nine");
            assertThat(cache.get(new UUID(7, 8))).isNull();
            assertThat(cache.get(new UUID(6, 9))).isNull();
            for (int i = 0; i < 1000; i++) {
                UUID random = UUID.randomUUID();
                cache.put(random, random.toString());
                assertThat(cache.get(random)).isEqualTo(random.toString());
            }
        }
    }

    @Test
    void anExpiredWordKeyIsRemovedAndCountedOnce() {
        FakeTicker ticker = new FakeTicker();
        RecordingListener<Long, String> listener = new RecordingListener<>();
        try (ArenaCache<Long, String> cache = ArenaCache.builder(Codecs.longs(), Codecs.strings()).maxMemory(1 << 20)
                .shards(2).ticker(ticker).evictionListener(listener).build()) {
            cache.put(5L, "five", Duration.ofSeconds(1));
            assertThat(cache.get(5L)).isEqualTo("five");
            ticker.advance(Duration.ofSeconds(1));
            assertThat(cache.get(5L)).isNull();
            assertThat(cache.containsKey(5L)).isFalse();
            assertThat(cache.size()).isZero();
            assertThat(cache.stats().expirations()).isEqualTo(1);
            assertThat(cache.stats().misses()).isEqualTo(1);
            assertThat(listener.events)
                    .containsExactly(new RecordingListener.Event<>(5L, "five", RemovalCause.EXPIRED));
        }
    }

    private static <T> long encodedHash(Codec<T> codec, T value) {
        byte[] bytes = new byte[codec.encodedSize(value)];
        codec.encode(value, MemorySegment.ofArray(bytes), 0);
        return KeyHash.hash(bytes);
    }

    /** The same bytes as a built-in codec, but not the built-in instance: takes the encoding path. */
    private record DelegatingCodec<T>(Codec<T> delegate) implements Codec<T> {

        @Override
        public int encodedSize(T value) {
            return delegate.encodedSize(value);
        }

        @Override
        public void encode(T value, MemorySegment target, long offset) {
            delegate.encode(value, target, offset);
        }

        @Override
        public T decode(MemorySegment source, long offset, int length) {
            return delegate.decode(source, offset, length);
        }
    }
}
