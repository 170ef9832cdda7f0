package io.quarkiverse.arenacache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkiverse.arenacache.Codec;
import io.quarkiverse.arenacache.Codecs;
import io.quarkus.test.QuarkusUnitTest;

/** Codec beans from producer methods override derived codecs too, qualified for one cache or for every cache. */
class ProducedCodecTest {

    record Label(String text) {
    }

    /** Stores labels upper-cased, so the test can tell this codec from the generated one. */
    static final class ShoutingLabelCodec implements Codec<Label> {
        @Override
        public int encodedSize(Label value) {
            return Codecs.strings().encodedSize(value.text().toUpperCase());
        }

        @Override
        public void encode(Label value, MemorySegment target, long offset) {
            Codecs.strings().encode(value.text().toUpperCase(), target, offset);
        }

        @Override
        public Label decode(MemorySegment source, long offset, int length) {
            return new Label(Codecs.strings().decode(source, offset, length));
        }
    }

    /** A long codec of the application's own, distinguishable from the built-in one. */
    static final class LongCodec implements Codec<Long> {
        @Override
        public int encodedSize(Long value) {
            return Codecs.longs().encodedSize(value);
        }

        @Override
        public void encode(Long value, MemorySegment target, long offset) {
            Codecs.longs().encode(value, target, offset);
        }

        @Override
        public Long decode(MemorySegment source, long offset, int length) {
            return Codecs.longs().decode(source, offset, length);
        }
    }

    @ApplicationScoped
    static class CodecProducers {
        @Produces
        @ArenaCacheName("loud")
        Codec<Label> loudLabels() {
            return new ShoutingLabelCodec();
        }

        @Produces
        Codec<Long> longs() {
            return new LongCodec();
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Label.class, ShoutingLabelCodec.class, LongCodec.class,
                    CodecProducers.class));

    @Inject
    @ArenaCacheName("loud")
    ArenaCache<Long, Label> loud;

    @Inject
    @ArenaCacheName("quiet")
    ArenaCache<Long, Label> quiet;

    @Test
    void qualifiedProducerWinsForItsCacheOnly() {
        loud.put(1L, new Label("hello"));
        quiet.put(1L, new Label("hello"));
        assertThat(loud.get(1L)).isEqualTo(new Label("HELLO"));
        assertThat(quiet.get(1L)).isEqualTo(new Label("hello"));
        assertThat(quiet.valueCodec().getClass().getName()).endsWith("$$ArenaCodec");
    }

    @Test
    void unqualifiedProducerOfAJdkTypeIsUsed() {
        assertThat(loud.keyCodec()).isInstanceOf(LongCodec.class);
        assertThat(quiet.keyCodec()).isInstanceOf(LongCodec.class);
        quiet.put(7L, new Label("x"));
        assertThat(quiet.get(7L)).isEqualTo(new Label("x"));
    }
}
