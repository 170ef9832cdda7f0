package io.quarkiverse.arenacache.deployment.test;

import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkiverse.arenacache.Codec;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A Codec bean overrides the derived codec: a bean qualified with the cache's name wins for that cache, an
 * unqualified bean for its type elsewhere; the key-codec/value-codec properties override both, and make raw
 * injection of a configured cache possible.
 */
class CodecOverrideTest {

    record Money(long cents) {
    }

    /** Stores Money in 4 bytes instead of the generated codec's framed 8-byte long. */
    @ApplicationScoped
    static class CompactMoneyCodec implements Codec<Money> {
        @Override
        public int encodedSize(Money value) {
            return Integer.BYTES;
        }

        @Override
        public void encode(Money value, MemorySegment target, long offset) {
            target.set(JAVA_INT_UNALIGNED, offset, Math.toIntExact(value.cents()));
        }

        @Override
        public Money decode(MemorySegment source, long offset, int length) {
            return new Money(source.get(JAVA_INT_UNALIGNED, offset));
        }
    }

    /** Only for cache "prices": adds a marker the test can see. */
    @Singleton
    @ArenaCacheName("prices")
    static class PricesMoneyCodec extends CompactMoneyCodec {
        @Override
        public Money decode(MemorySegment source, long offset, int length) {
            return new Money(super.decode(source, offset, length).cents() + 1_000_000);
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Money.class, CompactMoneyCodec.class, PricesMoneyCodec.class,
                    Utf8Codec.class))
            .overrideConfigKey("quarkus.arena-cache.raw.key-codec", Utf8Codec.class.getName())
            .overrideConfigKey("quarkus.arena-cache.raw.value-codec", Utf8Codec.class.getName());

    @Inject
    @ArenaCacheName("wallets")
    ArenaCache<String, Money> wallets;

    @Inject
    @ArenaCacheName("prices")
    ArenaCache<String, Money> prices;

    @SuppressWarnings("rawtypes")
    @Inject
    @ArenaCacheName("raw")
    ArenaCache raw;

    @Test
    void unqualifiedCodecBeanReplacesTheGeneratedCodec() {
        assertThat(wallets.valueCodec()).isInstanceOf(CompactMoneyCodec.class)
                .isNotInstanceOf(PricesMoneyCodec.class);
        wallets.put("w", new Money(250));
        assertThat(wallets.get("w")).isEqualTo(new Money(250));
    }

    @Test
    void codecBeanQualifiedWithTheCacheNameWinsForThatCache() {
        assertThat(prices.valueCodec()).isInstanceOf(PricesMoneyCodec.class);
        prices.put("p", new Money(5));
        assertThat(prices.get("p")).isEqualTo(new Money(1_000_005));
    }

    @Test
    @SuppressWarnings("unchecked")
    void rawInjectionWorksWithConfiguredCodecs() {
        assertThat(raw.keyCodec()).isInstanceOf(Utf8Codec.class);
        raw.put("k", "v");
        assertThat(raw.get("k")).isEqualTo("v");
    }
}
