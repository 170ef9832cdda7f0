package io.quarkiverse.arenacache.quarkuscache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.Codec;
import io.quarkiverse.arenacache.Codecs;
import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheResult;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The documented way to cache a generic or interface type on arena: a {@code Codec} bean for the declared type. The
 * objects the method really returns or receives are of implementation classes ({@code ArrayList},
 * {@code List.of(...)}'s class, a record implementing the interface): they must take the declared type's codec.
 */
class DeclaredSupertypeCodecBeanTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Catalog.class, Sku.class, PlainSku.class, SkuCodec.class,
                    StringListCodec.class))
            .overrideConfigKey("quarkus.cache.type", "arena");

    /** A key type seen by the build only as an interface. */
    public interface Sku {
        String code();
    }

    public record PlainSku(String code) implements Sku {
    }

    @Singleton
    public static class SkuCodec implements Codec<Sku> {
        @Override
        public int encodedSize(Sku value) {
            return Codecs.strings().encodedSize(value.code());
        }

        @Override
        public void encode(Sku value, MemorySegment target, long offset) {
            Codecs.strings().encode(value.code(), target, offset);
        }

        @Override
        public Sku decode(MemorySegment source, long offset, int length) {
            return new PlainSku(Codecs.strings().decode(source, offset, length));
        }
    }

    /** A codec bean for a generic type, as the cache-annotations guide suggests for {@code List<...>} results. */
    @Singleton
    public static class StringListCodec implements Codec<List<String>> {
        @Override
        public int encodedSize(List<String> value) {
            return Codecs.strings().encodedSize(String.join("\n", value));
        }

        @Override
        public void encode(List<String> value, MemorySegment target, long offset) {
            Codecs.strings().encode(String.join("\n", value), target, offset);
        }

        @Override
        public List<String> decode(MemorySegment source, long offset, int length) {
            String text = Codecs.strings().decode(source, offset, length);
            return text.isEmpty() ? List.of() : List.of(text.split("\n"));
        }
    }

    @Singleton
    public static class Catalog {
        final AtomicInteger calls = new AtomicInteger();

        @CacheResult(cacheName = "catalog")
        List<String> tags(String category) {
            calls.incrementAndGet();
            List<String> tags = new ArrayList<>();
            tags.add(category + "-a");
            tags.add(category + "-b");
            return tags;
        }

        @CacheResult(cacheName = "catalog-by-sku")
        List<String> bySku(Sku sku) {
            calls.incrementAndGet();
            return List.of(sku.code(), "n" + calls.get());
        }

        @CacheInvalidate(cacheName = "catalog-by-sku")
        void forget(Sku sku) {
        }

        @CacheResult(cacheName = "catalog-by-sku")
        String stock(Sku sku, int warehouse) {
            return sku.code() + "@" + warehouse + "#" + calls.incrementAndGet();
        }
    }

    @Inject
    Catalog catalog;

    @Test
    void implementationClassesOfTheDeclaredTypeAreCached() {
        int before = catalog.calls.get();
        assertThat(catalog.tags("x")).containsExactly("x-a", "x-b");
        assertThat(catalog.tags("x")).containsExactly("x-a", "x-b");
        assertThat(catalog.calls.get()).isEqualTo(before + 1);
    }

    @Test
    void keysOfAnImplementationClassOfTheDeclaredTypeAreCached() {
        int before = catalog.calls.get();
        List<String> first = catalog.bySku(new PlainSku("s1"));
        assertThat(catalog.bySku(new PlainSku("s1"))).isEqualTo(first);
        assertThat(catalog.calls.get()).isEqualTo(before + 1);
        catalog.forget(new PlainSku("s1"));
        assertThat(catalog.bySku(new PlainSku("s1"))).isNotEqualTo(first);
        assertThat(catalog.calls.get()).isEqualTo(before + 2);
    }

    @Test
    void compositeKeysWithAnElementOfAnImplementationClassAreCached() {
        String first = catalog.stock(new PlainSku("s2"), 3);
        assertThat(catalog.stock(new PlainSku("s2"), 3)).isEqualTo(first);
        assertThat(catalog.stock(new PlainSku("s2"), 4)).isNotEqualTo(first);
    }
}
