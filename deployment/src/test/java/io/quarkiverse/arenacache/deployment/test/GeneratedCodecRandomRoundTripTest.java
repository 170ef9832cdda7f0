package io.quarkiverse.arenacache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkiverse.arenacache.Codec;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Random values through a generated codec: encode writes exactly encodedSize bytes (guard bytes around stay intact,
 * at an odd offset), decode gives an equal value, and equal values encode to equal bytes.
 */
class GeneratedCodecRandomRoundTripTest {

    enum Level {
        LOW,
        MID,
        HIGH
    }

    record Inner(String text, Level level, Double ratio) {
    }

    record Everything(String text, byte[] bytes, long l, int i, short s, byte b, char c, boolean z, float f,
            double d, Long boxed, UUID id, Level level, Inner inner, Inner other) {
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Level.class, Inner.class, Everything.class));

    @Inject
    @ArenaCacheName("everything")
    ArenaCache<Everything, Everything> cache;

    @Test
    void randomValuesRoundTripInExactlyTheirSize() {
        Codec<Everything> codec = cache.valueCodec();
        Random random = new Random(20261125);
        for (int n = 0; n < 2_000; n++) {
            Everything value = random(random);
            int size = codec.encodedSize(value);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment segment = arena.allocate(size + 16);
                segment.fill((byte) 0x5A);
                codec.encode(value, segment, 7);
                for (long at : new long[] { 0, 6, 7 + size, size + 15 }) {
                    assertThat(segment.get(ValueLayout.JAVA_BYTE, at)).as("guard byte at %d", at)
                            .isEqualTo((byte) 0x5A);
                }
                Everything decoded = codec.decode(segment.asReadOnly(), 7, size);
                assertSame(decoded, value);
                assertThat(codec.encodedSize(decoded)).isEqualTo(size);
            }
        }
    }

    @Test
    void randomKeysAreFoundByEqualCopies() {
        Random random = new Random(42);
        for (int n = 0; n < 500; n++) {
            Everything key = random(random);
            cache.put(key, key);
            Everything copy = new Everything(key.text() == null ? null : new String(key.text()),
                    key.bytes() == null ? null : key.bytes().clone(), key.l(), key.i(), key.s(), key.b(), key.c(),
                    key.z(), key.f(), key.d(), key.boxed(), key.id(), key.level(), key.inner(), key.other());
            assertSame(cache.get(copy), key);
        }
    }

    /** Component by component, naming the one that differs (record equals compares arrays by identity). */
    private static void assertSame(Everything actual, Everything expected) {
        assertThat(actual).isNotNull();
        assertThat(actual.text()).as("text").isEqualTo(expected.text());
        assertThat(actual.bytes()).as("bytes").isEqualTo(expected.bytes());
        assertThat(new Object[] { actual.l(), actual.i(), actual.s(), actual.b(), actual.c(), actual.z(), actual.f(),
                actual.d(), actual.boxed(), actual.id(), actual.level(), actual.inner(), actual.other() })
                .as("other components").containsExactly(expected.l(), expected.i(), expected.s(), expected.b(),
                        expected.c(), expected.z(), expected.f(), expected.d(), expected.boxed(), expected.id(),
                        expected.level(), expected.inner(), expected.other());
    }

    private static Everything random(Random random) {
        return new Everything(text(random), random.nextInt(5) == 0 ? null : bytes(random), random.nextLong(),
                random.nextInt(), (short) random.nextInt(), (byte) random.nextInt(), (char) random.nextInt(),
                random.nextBoolean(), special(random) ? Float.NaN : random.nextFloat(),
                special(random) ? -0.0 : random.nextGaussian(), random.nextInt(4) == 0 ? null : random.nextLong(),
                random.nextInt(4) == 0 ? null : new UUID(random.nextLong(), random.nextLong()), level(random),
                random.nextInt(3) == 0 ? null : new Inner(text(random), level(random),
                        random.nextBoolean() ? null : random.nextDouble()),
                random.nextInt(3) == 0 ? null : new Inner(null, null, null));
    }

    private static boolean special(Random random) {
        return random.nextInt(10) == 0;
    }

    private static Level level(Random random) {
        int n = random.nextInt(Level.values().length + 1);
        return n == Level.values().length ? null : Level.values()[n];
    }

    private static byte[] bytes(Random random) {
        byte[] bytes = new byte[random.nextInt(40)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Any chars, surrogates (paired or not) included, sometimes null or empty. */
    private static String text(Random random) {
        if (random.nextInt(6) == 0) {
            return null;
        }
        char[] chars = new char[random.nextInt(30)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = switch (random.nextInt(4)) {
                case 0 -> (char) random.nextInt(0x80);
                case 1 -> (char) (0xD800 + random.nextInt(0x800));
                default -> (char) random.nextInt(0x10000);
            };
        }
        return new String(chars);
    }
}
