package io.quarkiverse.arenacache.quarkuscache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.Codecs;
import io.quarkiverse.arenacache.quarkuscache.ArenaBackedCache;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.test.QuarkusUnitTest;

/** A cache used only programmatically gets its key and value codecs from configuration. */
class ProgrammaticOnlyCacheTest {

    /** Delegates to the built-in string codec; a public no-argument constructor makes it configurable. */
    public static class StringCodec implements io.quarkiverse.arenacache.Codec<String> {
        private final io.quarkiverse.arenacache.Codec<String> strings = Codecs.strings();

        @Override
        public int encodedSize(String value) {
            return strings.encodedSize(value);
        }

        @Override
        public void encode(String value, java.lang.foreign.MemorySegment target, long offset) {
            strings.encode(value, target, offset);
        }

        @Override
        public String decode(java.lang.foreign.MemorySegment source, long offset, int length) {
            return strings.decode(source, offset, length);
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(StringCodec.class))
            .overrideConfigKey("quarkus.cache.type", "arena")
            .overrideConfigKey("quarkus.arena-cache.\"notes\".key-codec", StringCodec.class.getName())
            .overrideConfigKey("quarkus.arena-cache.\"notes\".value-codec", StringCodec.class.getName());

    @Inject
    @CacheName("notes")
    Cache notes;

    @Test
    void configuredCodecsEncodeEveryKeyAndValue() {
        Duration wait = Duration.ofSeconds(10);
        assertThat(notes.<String, String> get("k", k -> "v1").await().atMost(wait)).isEqualTo("v1");
        assertThat(notes.<String, String> get("k", k -> "v2").await().atMost(wait)).isEqualTo("v1");
        assertThat(notes.as(ArenaBackedCache.class).arenaCache().get("k")).isEqualTo("v1");
    }

    /**
     * {@code Cache#getDefaultKey()} is part of the programmatic API (a cache of one value); the configured key codec
     * does not encode it (the guide says so), so the cache must know the default key without a no-argument method.
     */
    @Test
    void theDefaultKeyWorksWithoutANoArgumentMethod() {
        Duration wait = Duration.ofSeconds(10);
        Object key = notes.getDefaultKey();
        assertThat(notes.<Object, String> get(key, k -> "single").await().atMost(wait)).isEqualTo("single");
        assertThat(notes.<Object, String> get(key, k -> "again").await().atMost(wait)).isEqualTo("single");
        notes.invalidate(key).await().atMost(wait);
        assertThat(notes.<Object, String> get(key, k -> "after").await().atMost(wait)).isEqualTo("after");
    }
}
