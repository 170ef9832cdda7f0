package io.quarkiverse.arenacache.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
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

    /**
     * A lookup of a {@code Long} or {@code Integer} key trusts a matching hash without reading the stored key: that is
     * only sound if no two keys share a hash. Undoing every step of the hash gives back the key, so none do.
     */
    @Test
    void wordHashesAreOneToOneSoAMatchingHashProvesTheKey() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000 + EDGES.length; i++) {
            long value = i < EDGES.length ? EDGES[i] : random.nextLong();
            assertThat(unhash(KeyHash.hashLong(value), Long.BYTES)).isEqualTo(value);
            int small = (int) value;
            long bytesAsWord = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? small : Integer.reverseBytes(small);
            assertThat(unhash(KeyHash.hashInt(small), Integer.BYTES)).isEqualTo(bytesAsWord & 0xFFFF_FFFFL);
        }
    }

    /** The inverse of {@link KeyHash}'s one-word hash: each step undone in reverse order. */
    private static long unhash(long hash, int length) {
        long h = unshift(hash);
        h = unshift(h * inverse(KeyHash.FMIX2));
        h = unshift(h * inverse(KeyHash.FMIX1));
        long mixed = Long.rotateRight(h * inverse(KeyHash.M2), 31);
        return (mixed ^ KeyHash.SEED ^ (length * KeyHash.M2)) * inverse(KeyHash.M1);
    }

    /** {@code h ^ (h >>> 33)} is its own inverse: the shift is at least half the word. */
    private static long unshift(long h) {
        return h ^ (h >>> 33);
    }

    /** The multiplicative inverse of an odd number modulo 2^64, by Newton's iteration (bits correct: 3, 6, .. 96). */
    private static long inverse(long odd) {
        long x = odd;
        for (int i = 0; i < 5; i++) {
            x *= 2 - odd * x;
        }
        assertThat(x * odd).isEqualTo(1);
        return x;
    }

    /**
     * A hit on a word key takes the value's length from the index slot, which carries lengths below 2^20 - 1; longer
     * values are found through the entry's header instead. Both sides of the limit, by get, read and containsKey.
     */
    @Test
    void valuesTooLongForTheIndexSlotAreStillReadWhole() {
        int limit = (1 << 20) - 2; // the longest value length a location carries
        try (ArenaCache<Long, byte[]> cache = ArenaCache.builder(Codecs.longs(), Codecs.byteArrays())
                .maxMemory(64L << 20).shards(1).generations(4).build()) {
            int[] lengths = { 0, 1, 64, limit - 1, limit, limit + 1, limit + 2, (1 << 20) + 100 };
            for (int length : lengths) {
                cache.put((long) length, filled(length));
            }
            for (int length : lengths) {
                assertThat(cache.get((long) length)).as("value of %d bytes", length).isEqualTo(filled(length));
                Integer read = cache.read((long) length, (segment, offset, valueLength) -> valueLength);
                assertThat(read).isEqualTo(length);
                assertThat(cache.containsKey((long) length)).isTrue();
            }
            assertThat(cache.get(2L)).isNull();
        }
    }

    private static byte[] filled(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + length);
        }
        return bytes;
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
