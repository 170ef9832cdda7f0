package io.quarkiverse.arenacache.quarkuscache.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.Codec;
import io.quarkiverse.arenacache.Codecs;
import io.quarkiverse.arenacache.quarkuscache.runtime.ShapeCodecAssembler.ShapeSpec;
import io.quarkus.cache.CompositeCacheKey;
import io.quarkus.cache.DefaultCacheKey;

class ShapeCodecTest {

    enum Color {
        RED {
            @Override
            public String toString() {
                return "a constant with a body is a subclass";
            }
        },
        BLUE
    }

    private final Codec<?> keys = ShapeCodecAssembler.assemble(ShapeCodecAssembler.describe("c", "keys", List.of(
            ShapeSpec.defaultKey(),
            ShapeSpec.single(String.class.getName()),
            ShapeSpec.single(Long.class.getName()),
            ShapeSpec.single(Color.class.getName()),
            ShapeSpec.composite(List.of(String.class.getName(), Integer.class.getName())))),
            new Codec<?>[] { Codecs.strings(), Codecs.longs(), Codecs.enums(Color.values()), Codecs.strings(),
                    Codecs.integers() });

    @Test
    void everyShapeRoundTrips() {
        for (Object key : List.of(new DefaultCacheKey("c"), "7", 7L, Color.RED, Color.BLUE,
                new CompositeCacheKey("a", 1), new CompositeCacheKey(null, 2))) {
            assertThat(decode(encode(key))).isEqualTo(key);
        }
    }

    @Test
    void differentShapesNeverShareBytesAndEqualKeysAlwaysDo() {
        assertThat(encode("7")).isNotEqualTo(encode(7L));
        assertThat(encode(new CompositeCacheKey("a", 1))).isEqualTo(encode(new CompositeCacheKey("a", 1)));
        assertThat(encode(new CompositeCacheKey("a", 1))).isNotEqualTo(encode(new CompositeCacheKey("a", 2)));
    }

    @Test
    void unknownShapesAreRejectedWithWhatTheCacheKnows() {
        ShapeCodec codec = (ShapeCodec) keys;
        assertThat(codec.canEncode(1)).isFalse();
        assertThat(codec.canEncode(new DefaultCacheKey("another cache"))).isFalse();
        assertThat(codec.canEncode(new CompositeCacheKey(1, "a"))).isFalse();
        assertThatThrownBy(() -> codec.encodedSize(3.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Arena cache 'c' cannot store keys of type java.lang.Double")
                .hasMessageContaining("CompositeCacheKey[java.lang.String, java.lang.Integer]")
                .hasMessageContaining("quarkus.arena-cache.\"c\".key-codec");
    }

    @Test
    void valuesStoreNullAsAMarker() {
        Codec<?> values = ShapeCodecAssembler.assemble(ShapeCodecAssembler.describe("c", "values",
                List.of(ShapeSpec.single(String.class.getName()))), new Codec<?>[] { Codecs.strings() });
        @SuppressWarnings("unchecked")
        Codec<Object> codec = (Codec<Object>) values;
        byte[] bytes = new byte[codec.encodedSize(ShapeCodec.NULL_VALUE)];
        codec.encode(ShapeCodec.NULL_VALUE, MemorySegment.ofArray(bytes), 0);
        assertThat(codec.decode(MemorySegment.ofArray(bytes), 0, bytes.length)).isSameAs(ShapeCodec.NULL_VALUE);
    }

    @Test
    void aDescriptorThatDoesNotMatchItsCodecsIsRejected() {
        assertThatThrownBy(() -> ShapeCodecAssembler.assemble(ShapeCodecAssembler.describe("c", "keys",
                List.of(ShapeSpec.defaultKey())), new Codec<?>[] { Codecs.strings() }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1 element codecs");
    }

    @SuppressWarnings("unchecked")
    private byte[] encode(Object key) {
        Codec<Object> codec = (Codec<Object>) keys;
        byte[] bytes = new byte[codec.encodedSize(key)];
        codec.encode(key, MemorySegment.ofArray(bytes), 0);
        return bytes;
    }

    private Object decode(byte[] bytes) {
        return keys.decode(MemorySegment.ofArray(bytes), 0, bytes.length);
    }
}
