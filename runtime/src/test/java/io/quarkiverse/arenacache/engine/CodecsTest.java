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
import net.jqwik.api.constraints.CharRange;

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
    void stringsRoundTripExactly(@ForAll String value) {
        assertThat(roundTrip(Codecs.strings(), value)).isEqualTo(value);
        if (isWellFormed(value)) {
            // well-formed text is plain UTF-8
            assertThat(Codecs.strings().encodedSize(value)).isEqualTo(value.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    /** Strings of chars drawn mostly from around the surrogate range, so that lone and paired surrogates mix. */
    @Property(tries = 500)
    void stringsWithManySurrogatesRoundTripExactly(
            @ForAll @CharRange(from = '\uD7F0', to = '\uE010') String surrogates, @ForAll String other) {
        String value = surrogates + other + surrogates;
        assertThat(roundTrip(Codecs.strings(), value)).isEqualTo(value);
    }

    static boolean isWellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void stringsWithNonAsciiAndSurrogates() {
        for (String value : new String[] { "", "ascii", "héllo wörld", "日本語", "emoji 😀 pair", "\u0000nul",
                "\u07FF\u0800\uFFFF", "lone \uD800 high", "lone \uDC00 low", "end \uD83D", "\uDE00\uD83D swapped",
                "\uD83D\uD83D\uDE00 high then pair", "\uFFFD replacement", "\uFFFD\uD800\uFFFD", "\uD7FF\uE000" }) {
            assertThat(roundTrip(Codecs.strings(), value)).isEqualTo(value);
        }
    }

    @Test
    void longStringsRoundTrip() {
        String ascii = "x".repeat(1 << 20);
        assertThat(roundTrip(Codecs.strings(), ascii)).isEqualTo(ascii);
        String mixed = "é😀\uD800日".repeat(100_000);
        assertThat(roundTrip(Codecs.strings(), mixed)).isEqualTo(mixed);
    }

    /**
     * A string cut in the middle of a surrogate pair (e.g. {@code s.substring(0, n)} of text with emoji) is a
     * different key from the same string ending in '?': they must not share an entry, and the value must come back
     * as it was put.
     */
    @Test
    void loneSurrogatesAreNotConfusedWithQuestionMarks() {
        String cut = "thumbs \uD83D";
        try (ArenaCache<String, String> cache = ArenaCache.builder(Codecs.strings(), Codecs.strings())
                .maxMemory(1 << 20).build()) {
            cache.put(cut, "cut");
            assertThat(cache.get("thumbs ?")).isNull();
            cache.put("thumbs ?", "question");
            assertThat(cache.get(cut)).isEqualTo("cut");
            cache.put("value", cut);
            assertThat(cache.get("value")).isEqualTo(cut);
        }
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
        assertThat((Object) roundTrip(Codecs.doubles(), d)).isEqualTo(d);
        assertThat((Object) roundTrip(Codecs.floats(), f)).isEqualTo(f);
    }

    @Test
    void specialFloatingPointValues() {
        for (double d : new double[] { Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE, Double.MAX_VALUE, Double.longBitsToDouble(0x7FF0_0000_0000_0001L) }) {
            assertThat((Object) roundTrip(Codecs.doubles(), d)).isEqualTo(d); // Double.equals: -0.0 != 0.0, NaN == NaN
        }
        for (float f : new float[] { Float.NaN, -0.0f, 0.0f, Float.POSITIVE_INFINITY, Float.MIN_VALUE,
                Float.MAX_VALUE, Float.intBitsToFloat(0x7F80_0001) }) {
            assertThat((Object) roundTrip(Codecs.floats(), f)).isEqualTo(f);
        }
        assertThat((Object) roundTrip(Codecs.doubles(), -0.0)).isEqualTo(-0.0).isNotEqualTo(0.0);
    }

    /**
     * {@code Double.equals} treats every NaN as equal, but NaNs computed at run time (0.0 / 0.0, sqrt(-1),
     * inf - inf) have another bit pattern than {@code Double.NaN} on x86 (sign bit set). Equal keys must encode to
     * equal bytes, so a NaN key must be found whatever NaN looks it up.
     */
    @Test
    void everyNaNEncodesToTheSameBytes() {
        double otherNaN = Double.longBitsToDouble(0xFFF8_0000_0000_0000L);
        float otherFloatNaN = Float.intBitsToFloat(0xFFC0_0000);
        assertThat((Object) otherNaN).isEqualTo(Double.NaN);
        assertThat(encoded(Codecs.doubles(), otherNaN)).isEqualTo(encoded(Codecs.doubles(), Double.NaN));
        assertThat(encoded(Codecs.doubles(), Double.longBitsToDouble(0x7FF0_0000_0000_0001L)))
                .isEqualTo(encoded(Codecs.doubles(), Double.NaN));
        assertThat(encoded(Codecs.floats(), otherFloatNaN)).isEqualTo(encoded(Codecs.floats(), Float.NaN));
        try (ArenaCache<Double, String> cache = ArenaCache.builder(Codecs.doubles(), Codecs.strings())
                .maxMemory(1 << 20).build()) {
            cache.put(Double.NaN, "not a number");
            assertThat(cache.get(otherNaN)).isEqualTo("not a number");
        }
    }

    static <T> byte[] encoded(Codec<T> codec, T value) {
        try (Arena arena = Arena.ofConfined()) {
            int size = codec.encodedSize(value);
            MemorySegment segment = arena.allocate(Math.max(1, size));
            codec.encode(value, segment, 0);
            return segment.asSlice(0, size).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
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
