package io.quarkiverse.arenacache.deployment.test.invalid;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkiverse.arenacache.Codec;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A codec bean qualified for a cache that does not exist (here a typo: "price" for "prices") fails the build, naming
 * the bean and the caches, instead of being left unused while the cache silently takes its derived codec.
 */
class CodecQualifiedForUnknownCacheTest {

    public record Money(long cents) {
    }

    @Singleton
    @ArenaCacheName("price")
    public static class CompactMoneyCodec implements Codec<Money> {
        @Override
        public int encodedSize(Money value) {
            return Integer.BYTES;
        }

        @Override
        public void encode(Money value, MemorySegment target, long offset) {
            target.set(ValueLayout.JAVA_INT_UNALIGNED, offset, Math.toIntExact(value.cents()));
        }

        @Override
        public Money decode(MemorySegment source, long offset, int length) {
            return new Money(source.get(ValueLayout.JAVA_INT_UNALIGNED, offset));
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Money.class, CompactMoneyCodec.class))
            .assertException(Failures.messageContains(
                    "Codec bean " + CompactMoneyCodec.class.getName() + " is qualified with"
                            + " @ArenaCacheName(\"price\"), but there is no arena cache named 'price'",
                    "the caches are [prices]"));

    @Inject
    @ArenaCacheName("prices")
    ArenaCache<String, Money> prices;

    @Test
    void applicationDoesNotStart() {
        Assertions.fail("the application must not start");
    }
}
