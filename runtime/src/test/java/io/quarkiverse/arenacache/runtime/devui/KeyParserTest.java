package io.quarkiverse.arenacache.runtime.devui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.Codec;
import io.quarkiverse.arenacache.Codecs;

class KeyParserTest {

    @Test
    void everyBuiltInTextualCodecHasAParserForItsType() {
        assertThat(keyOf(Codecs.strings(), " a b ")).isEqualTo(" a b ");
        assertThat(keyOf(Codecs.longs(), " -42 ")).isEqualTo(-42L);
        assertThat(keyOf(Codecs.integers(), "7")).isEqualTo(7);
        assertThat(keyOf(Codecs.shorts(), "-3")).isEqualTo((short) -3);
        assertThat(keyOf(Codecs.bytes(), "127")).isEqualTo((byte) 127);
        assertThat(keyOf(Codecs.doubles(), "1.5")).isEqualTo(1.5);
        assertThat(keyOf(Codecs.floats(), "2.25")).isEqualTo(2.25f);
        assertThat(keyOf(Codecs.booleans(), "TRUE")).isEqualTo(true);
        assertThat(keyOf(Codecs.booleans(), "false")).isEqualTo(false);
        assertThat(keyOf(Codecs.characters(), "é")).isEqualTo('é');
        UUID uuid = UUID.randomUUID();
        assertThat(keyOf(Codecs.uuids(), uuid.toString())).isEqualTo(uuid);
    }

    @Test
    void typeNamesAreTheJavaSimpleNames() {
        assertThat(KeyParser.forCodec(Codecs.uuids()).orElseThrow().typeName()).isEqualTo("UUID");
        assertThat(KeyParser.forCodec(Codecs.characters()).orElseThrow().typeName()).isEqualTo("Character");
    }

    @Test
    void unparsableKeysGetAMessageNamingTheType() {
        assertRejected(Codecs.longs(), "12x", "'12x' is not a valid Long key");
        assertRejected(Codecs.integers(), "99999999999", "'99999999999' is not a valid Integer key");
        assertRejected(Codecs.bytes(), "128", "'128' is not a valid Byte key");
        assertRejected(Codecs.doubles(), "", "'' is not a valid Double key");
        assertRejected(Codecs.booleans(), "yes", "'yes' is not a valid Boolean key: type true or false");
        assertRejected(Codecs.characters(), "ab", "'ab' is not a valid Character key: type exactly one character");
        assertRejected(Codecs.uuids(), "1-2-3-4-5", "'1-2-3-4-5' is not a valid UUID key");
        assertRejected(Codecs.strings(), null, "no key given");
    }

    @Test
    void codecsWithoutATextFormOrOfTheApplicationHaveNoParser() {
        assertThat(KeyParser.forCodec(Codecs.byteArrays())).isEmpty();
        assertThat(KeyParser.forCodec(Codecs.enums(Thread.State.values()))).isEmpty();
        // Identity, not type: a custom codec for strings may not accept every string.
        Codec<String> custom = new Codec<>() {
            @Override
            public int encodedSize(String value) {
                return Codecs.strings().encodedSize(value);
            }

            @Override
            public void encode(String value, MemorySegment target, long offset) {
                Codecs.strings().encode(value, target, offset);
            }

            @Override
            public String decode(MemorySegment source, long offset, int length) {
                return Codecs.strings().decode(source, offset, length);
            }
        };
        assertThat(KeyParser.forCodec(custom)).isEmpty();
    }

    private static Object keyOf(Codec<?> codec, String text) {
        return KeyParser.forCodec(codec).orElseThrow().keyOf(text);
    }

    private static void assertRejected(Codec<?> codec, String text, String message) {
        assertThatThrownBy(() -> keyOf(codec, text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }
}
