package io.quarkiverse.arenacache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheBuilder;
import io.quarkiverse.arenacache.ArenaCacheManager;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;

/** Caches injected only (no configuration) get the defaults; each name gets its own generic bean types. */
class TwoCachesWithDifferentTypesTest {

    record Product(String sku, int stock) {
    }

    /** Injects through a constructor, the other cache's second injection point. */
    @ApplicationScoped
    public static class Catalog {
        final ArenaCache<String, Product> products;

        Catalog(@ArenaCacheName("products") ArenaCache<String, Product> products) {
            this.products = products;
        }

        ArenaCache<String, Product> products() {
            return products;
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Product.class, Catalog.class));

    @Inject
    @ArenaCacheName("products")
    ArenaCache<String, Product> products;

    @Inject
    @ArenaCacheName("blobs")
    ArenaCache<Long, byte[]> blobs;

    @Inject
    Catalog catalog;

    @Inject
    ArenaCacheManager manager;

    @Test
    void eachCacheHasItsTypesAndDefaults() {
        products.put("p1", new Product("p1", 3));
        blobs.put(1L, new byte[] { 9, 8 });
        assertThat(products.get("p1")).isEqualTo(new Product("p1", 3));
        assertThat(blobs.get(1L)).containsExactly(9, 8);
        assertThat(blobs.settings().maxMemory()).isEqualTo(ArenaCacheBuilder.DEFAULT_MAX_MEMORY);
        assertThat(blobs.settings().shards()).isEqualTo(ArenaCacheBuilder.DEFAULT_SHARDS);
        assertThat(blobs.settings().generations()).isEqualTo(ArenaCacheBuilder.DEFAULT_GENERATIONS);
        assertThat(blobs.settings().expireAfterWrite()).isEmpty();
    }

    @Test
    void oneBeanPerNameSharedByAllInjectionPoints() {
        assertThat(catalog.products()).isSameAs(products);
        catalog.products().put("p2", new Product("p2", 1));
        assertThat(products.get("p2")).isEqualTo(new Product("p2", 1));
        assertThat(manager.cacheNames()).containsExactly("blobs", "products");
        assertThat(manager.caches()).hasSize(2);
        assertThat(manager.getCache("missing")).isEmpty();
    }
}
