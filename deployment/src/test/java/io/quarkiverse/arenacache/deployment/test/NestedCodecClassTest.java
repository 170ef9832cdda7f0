package io.quarkiverse.arenacache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkiverse.arenacache.Codec;
import io.quarkiverse.arenacache.Codecs;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A nested codec class may be configured by its binary name ({@code Outer$Inner}) or by the name source code uses
 * ({@code Outer.Inner}); the latter used to fail the build with "not a class implementing Codec".
 */
class NestedCodecClassTest {

    /** Upper-cases values on the way in, so the test can see that this codec was used. */
    public static class UpperCaseCodec implements Codec<String> {
        @Override
        public int encodedSize(String value) {
            return Codecs.strings().encodedSize(value.toUpperCase(Locale.ROOT));
        }

        @Override
        public void encode(String value, MemorySegment target, long offset) {
            Codecs.strings().encode(value.toUpperCase(Locale.ROOT), target, offset);
        }

        @Override
        public String decode(MemorySegment source, long offset, int length) {
            return Codecs.strings().decode(source, offset, length);
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.arena-cache.binary.value-codec", UpperCaseCodec.class.getName())
            .overrideConfigKey("quarkus.arena-cache.canonical.value-codec", UpperCaseCodec.class.getCanonicalName());

    @Inject
    @ArenaCacheName("binary")
    ArenaCache<String, String> binary;

    @Inject
    @ArenaCacheName("canonical")
    ArenaCache<String, String> canonical;

    @Test
    void bothSpellingsOfTheNestedClassNameSelectIt() {
        binary.put("k", "value");
        canonical.put("k", "value");
        assertThat(binary.get("k")).isEqualTo("VALUE");
        assertThat(canonical.get("k")).isEqualTo("VALUE");
    }
}
