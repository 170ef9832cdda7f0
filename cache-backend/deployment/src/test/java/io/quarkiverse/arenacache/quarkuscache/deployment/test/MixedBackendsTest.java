package io.quarkiverse.arenacache.quarkuscache.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheManager;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkiverse.arenacache.quarkuscache.ArenaBackedCache;
import io.quarkus.cache.CacheManager;
import io.quarkus.cache.CacheResult;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.test.QuarkusUnitTest;

/** Caffeine stays the default type; one cache moves off the heap with {@code quarkus.cache."name".type=arena}. */
class MixedBackendsTest {

    @Singleton
    static class Lookups {
        final AtomicInteger onHeapCalls = new AtomicInteger();
        final AtomicInteger offHeapCalls = new AtomicInteger();

        @CacheResult(cacheName = "on-heap")
        String onHeap(String key) {
            return key + onHeapCalls.incrementAndGet();
        }

        @CacheResult(cacheName = "off-heap")
        String offHeap(String key) {
            return key + offHeapCalls.incrementAndGet();
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Lookups.class))
            .overrideConfigKey("quarkus.cache.\"off-heap\".type", "arena");

    @Inject
    Lookups lookups;

    @Inject
    CacheManager cacheManager;

    @Inject
    ArenaCacheManager arenaCaches;

    @Inject
    @ArenaCacheName("off-heap")
    ArenaCache<Object, Object> offHeapArena;

    @Test
    void eachCacheUsesItsConfiguredBackend() {
        assertThat(lookups.onHeap("a")).isEqualTo(lookups.onHeap("a"));
        assertThat(lookups.offHeap("b")).isEqualTo(lookups.offHeap("b"));
        assertThat(lookups.onHeapCalls.get()).isEqualTo(1);
        assertThat(lookups.offHeapCalls.get()).isEqualTo(1);

        assertThat(cacheManager.getCacheNames()).containsExactlyInAnyOrder("on-heap", "off-heap");
        assertThat(cacheManager.getCache("on-heap").orElseThrow()).isInstanceOf(CaffeineCache.class)
                .isNotInstanceOf(ArenaBackedCache.class);
        ArenaBackedCache offHeap = cacheManager.getCache("off-heap").orElseThrow().as(ArenaBackedCache.class);
        assertThat(offHeap.arenaCache().stats().hits()).as("the second offHeap call").isEqualTo(1);
        assertThat(offHeap.arenaCache().get("b")).isEqualTo("b1");

        assertThat(arenaCaches.cacheNames()).containsExactly("off-heap");
        assertThat(offHeapArena).as("also injectable with @ArenaCacheName").isSameAs(offHeap.arenaCache());
    }
}
