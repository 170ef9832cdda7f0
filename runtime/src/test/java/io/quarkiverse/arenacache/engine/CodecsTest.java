package io.quarkiverse.arenacache.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.Codec;
import io.quarkiverse.arenacache.Codecs;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Round trips of every built-in codec, alone and through a cache. */
class CodecsTest {

    enum Color {
        RED,
        GREEN,
        BLUE
    }

    static <T> T roundTrip(Codec<T> codec, T value) {
        int size = codec.encodedSize(value);
        try (Arena arena = Arena.ofConfined()) {
            // encode at an odd offset to catch alignment assumptions; surround with guard bytes
            MemorySegment segment = arena.allocate(size + 10);
            segment.fill((byte) 0x5A);
            codec.encode(value, segment, 3);
            for (int i = 0; i < 3; i++) {
                assertThat(segment.getAtIndex(java.lang.foreign.ValueLayout.JAVA_BYTE, i)).isEqualTo((byte) 0x5A);
            }
            for (int i = 3 + size; i < size + 10; i++) {
                assertThat(segment.getAtIndex(java.lang.foreign.ValueLayout.JAVA_BYTE, i)).isEqualTo((byte) 0x5A);
            }
            return codec.decode(segment.asReadOnly(), 3, size);
        }
    }

    @Property(tries = 300)
    void stringsRoundTripAsUtf8(@ForAll String value) {
        String decoded = roundTrip(Codecs.strings(), value);
        // unpaired surrogates become '?', exactly like String.getBytes(UTF_8)
        assertThat(decoded).isEqualTo(new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        assertThat(Codecs.strings().encodedSize(value)).isEqualTo(value.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void stringsWithNonAsciiAndSurrogates() {
        for (String value : new String[] { "", "ascii", "héllo wörld", "日本語", "emoji 😀 pair", "\u0000nul",
                "\u07FF\u0800\uFFFF", "lone \uD800 high", "lone \uDC00 low", "end \uD83D" }) {
            assertThat(roundTrip(Codecs.strings(), value))
                    .isEqualTo(new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        }
        assertThat(roundTrip(Codecs.strings(), "emoji 😀 pair")).isEqualTo("emoji 😀 pair");
    }

    @Property(tries = 100)
    void byteArraysRoundTrip(@ForAll byte[] value) {
        assertThat(roundTrip(Codecs.byteArrays(), value)).isEqualTo(value);
    }

    @Test
    void emptyByteArray() {
        assertThat(roundTrip(Codecs.byteArrays(), new byte[0])).isEmpty();
    }

    @Property(tries = 100)
    void fixedSizeNumbersRoundTrip(@ForAll long l, @ForAll int i, @ForAll short s, @ForAll byte b, @ForAll char c,
            @ForAll boolean z, @ForAll double d, @ForAll float f) {
        assertThat(roundTrip(Codecs.longs(), l)).isEqualTo(l);
        assertThat(roundTrip(Codecs.integers(), i)).isEqualTo(i);
        assertThat(roundTrip(Codecs.shorts(), s)).isEqualTo(s);
        assertThat(roundTrip(Codecs.bytes(), b)).isEqualTo(b);
        assertThat(roundTrip(Codecs.characters(), c)).isEqualTo(c);
        assertThat(roundTrip(Codecs.booleans(), z)).isEqualTo(z);
        assertThat(Double.doubleToRawLongBits(roundTrip(Codecs.doubles(), d))).isEqualTo(Double.doubleToRawLongBits(d));
        assertThat(Float.floatToRawIntBits(roundTrip(Codecs.floats(), f))).isEqualTo(Float.floatToRawIntBits(f));
    }

    @Test
    void specialFloatingPointValues() {
        for (double d : new double[] { Double.NaN, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE, Double.longBitsToDouble(0x7FF0_0000_0000_0001L) }) {
            assertThat(Double.doubleToRawLongBits(roundTrip(Codecs.doubles(), d)))
                    .isEqualTo(Double.doubleToRawLongBits(d));
        }
        for (float f : new float[] { Float.NaN, -0.0f, Float.POSITIVE_INFINITY, Float.MIN_VALUE }) {
            assertThat(Float.floatToRawIntBits(roundTrip(Codecs.floats(), f))).isEqualTo(Float.floatToRawIntBits(f));
        }
    }

    @Test
    void uuidsAndEnums() {
        UUID uuid = UUID.randomUUID();
        assertThat(roundTrip(Codecs.uuids(), uuid)).isEqualTo(uuid);
        assertThat(roundTrip(Codecs.uuids(), new UUID(0, 0))).isEqualTo(new UUID(0, 0));
        Codec<Color> colors = Codecs.enums(Color.values());
        for (Color color : Color.values()) {
            assertThat(roundTrip(colors, color)).isSameAs(color);
        }
    }

    @Test
    void decodersRejectWrongLengths() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(32);
            assertThatThrownBy(() -> Codecs.longs().decode(segment, 0, 4)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Long");
            assertThatThrownBy(() -> Codecs.uuids().decode(segment, 0, 8)).isInstanceOf(IllegalArgumentException.class);
            segment.set(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED, 0, 7);
            assertThatThrownBy(() -> Codecs.enums(Color.values()).decode(segment, 0, 4))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ordinal 7");
        }
    }

    /**
     * An enum codec given only some of the constants (a prefix passes the ordinal check) must refuse to encode the
     * others: stored, such a value could never be decoded again, and every read of its key would throw.
     */
    @Test
    void anEnumCodecRefusesConstantsItCannotDecode() {
        Codec<Color> redAndGreen = Codecs.enums(new Color[] { Color.RED, Color.GREEN });
        assertThatThrownBy(() -> redAndGreen.encodedSize(Color.BLUE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BLUE");
        try (ArenaCache<String, Color> cache = ArenaCache.builder(Codecs.strings(), redAndGreen).maxMemory(1 << 20)
                .build()) {
            cache.put("k", Color.GREEN);
            assertThatThrownBy(() -> cache.put("k", Color.BLUE)).isInstanceOf(IllegalArgumentException.class);
            assertThat(cache.get("k")).isSameAs(Color.GREEN);
        }
    }

    @Test
    void forClassFindsTheBuiltIns() {
        assertThat(Codecs.forClass(String.class)).isSameAs(Codecs.strings());
        assertThat(Codecs.forClass(long.class)).isSameAs(Codecs.longs());
        assertThat(Codecs.forClass(Long.class)).isSameAs(Codecs.longs());
        assertThat(Codecs.forClass(byte[].class)).isSameAs(Codecs.byteArrays());
        assertThat(Codecs.forClass(UUID.class)).isSameAs(Codecs.uuids());
        assertThat(Codecs.forClass(Color.class)).isNull();
    }

    @Test
    void builtInCodecsWorkThroughACache() {
        try (ArenaCache<UUID, Double> cache = ArenaCache.builder(Codecs.uuids(), Codecs.doubles()).maxMemory(1 << 20)
                .build();
                ArenaCache<Color, String> byEnum = ArenaCache.builder(Codecs.enums(Color.values()), Codecs.strings())
                        .maxMemory(1 << 20).build()) {
            UUID key = UUID.randomUUID();
            cache.put(key, Double.NaN);
            assertThat(cache.get(key)).isNaN();
            byEnum.put(Color.GREEN, "vert 🌿");
            assertThat(byEnum.get(Color.GREEN)).isEqualTo("vert 🌿");
            assertThat(byEnum.get(Color.RED)).isNull();
        }
    }
}
