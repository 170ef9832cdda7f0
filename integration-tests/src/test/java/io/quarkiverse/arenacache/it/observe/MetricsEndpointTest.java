package io.quarkiverse.arenacache.it.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkiverse.arenacache.CacheStats;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Drives known traffic into caches and reads the exact counts back from {@code /q/metrics}, as Prometheus would.
 * Every cache here is used by this class only, so the counts are known.
 */
@QuarkusTest
class MetricsEndpointTest {

    @Inject
    @ArenaCacheName("observe-metered")
    ArenaCache<String, String> metered;

    @Inject
    @ArenaCacheName("observe-evicting")
    ArenaCache<String, String> evicting;

    @Inject
    @ArenaCacheName("observe-unmetered")
    ArenaCache<String, String> unmetered;

    @Test
    void prometheusShowsTheExactCountsOfKnownTraffic() {
        metered.put("a", "1");
        metered.put("b", "2");
        metered.get("a");
        metered.get("a");
        metered.get("absent");
        metered.getOrLoad("c", key -> "3");
        metered.getOrLoad("c", key -> "unused");
        assertThatThrownBy(() -> metered.getOrLoad("d", key -> {
            throw new IllegalStateException("backend down");
        })).hasMessage("backend down");
        metered.put("huge", "x".repeat((int) metered.settings().maxEntryBytes() + 1));
        metered.invalidate("b");

        PrometheusScrape scrape = PrometheusScrape.scrape();
        String cache = "observe-metered";
        assertThat(scrape.value("cache_gets_total", cache, "result", "hit")).isEqualTo(3);
        assertThat(scrape.value("cache_gets_total", cache, "result", "miss")).isEqualTo(3);
        assertThat(scrape.value("cache_puts_total", cache)).isEqualTo(3);
        assertThat(scrape.value("cache_load_total", cache, "result", "success")).isEqualTo(1);
        assertThat(scrape.value("cache_load_total", cache, "result", "failure")).isEqualTo(1);
        assertThat(scrape.value("cache_evictions_total", cache)).isZero();
        assertThat(scrape.value("cache_eviction_weight_total", cache)).isZero();
        assertThat(scrape.value("cache_size", cache)).isEqualTo(2); // a and c
        assertThat(scrape.value("arena_cache_rejections_total", cache)).isEqualTo(1);
        assertThat(scrape.value("arena_cache_explicit_removals_total", cache)).isEqualTo(1);
        assertThat(scrape.value("arena_cache_expirations_total", cache)).isZero();
        CacheStats stats = metered.stats();
        assertThat(scrape.value("cache_load_duration_seconds", cache))
                .isCloseTo(stats.totalLoadTimeNanos() / 1e9, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(scrape.value("arena_cache_memory_used_bytes", cache)).isEqualTo(stats.bytesUsed()).isPositive();
        assertThat(scrape.value("arena_cache_memory_committed_bytes", cache)).isEqualTo(stats.bytesCommitted());
        assertThat(scrape.value("arena_cache_memory_max_bytes", cache)).isEqualTo(stats.maxMemory());
    }

    @Test
    void prometheusShowsEvictionsInCountAndBytes() {
        String value = "v".repeat(1024);
        // Until a slab has been reused too: the engine evicts entry by entry before it reuses a slab.
        for (int i = 0; i < 1_000 && (evicting.stats().evictions() == 0 || evicting.stats().generationRotations() == 0);
                i++) {
            evicting.put("filler-" + i, value);
        }

        PrometheusScrape scrape = PrometheusScrape.scrape();
        CacheStats stats = evicting.stats();
        String cache = "observe-evicting";
        assertThat(stats.evictions()).isPositive();
        assertThat(scrape.value("cache_evictions_total", cache)).isEqualTo(stats.evictions());
        assertThat(scrape.value("cache_eviction_weight_total", cache)).isEqualTo(stats.evictionBytes())
                .isGreaterThanOrEqualTo(1024.0 * stats.evictions());
        assertThat(scrape.value("arena_cache_generation_rotations_total", cache))
                .isEqualTo(stats.generationRotations()).isPositive();
        assertThat(scrape.value("cache_puts_total", cache)).isEqualTo(stats.puts());
        assertThat(scrape.value("cache_size", cache)).isEqualTo(stats.entries())
                .isEqualTo(stats.puts() - stats.evictions());
        assertThat(scrape.value("arena_cache_memory_max_bytes", cache)).isEqualTo(64 * 1024);
    }

    @Test
    void aCacheWithMetricsDisabledPublishesNothing() {
        unmetered.put("a", "1");
        unmetered.get("a");

        PrometheusScrape scrape = PrometheusScrape.scrape();

        assertThat(scrape.hasSeriesFor("observe-unmetered")).isFalse();
        assertThat(scrape.hasSeriesFor("observe-metered")).isTrue();
    }
}
