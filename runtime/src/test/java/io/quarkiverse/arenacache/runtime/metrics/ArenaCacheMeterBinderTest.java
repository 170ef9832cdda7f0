package io.quarkiverse.arenacache.runtime.metrics;

import static io.quarkiverse.arenacache.runtime.ObservedCaches.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.CacheStats;
import io.quarkiverse.arenacache.runtime.ObservedCaches;

class ArenaCacheMeterBinderTest {

    private final ObservedCaches caches = new ObservedCaches();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private ArenaCache<String, String> cache;

    @AfterEach
    void close() {
        if (cache != null) {
            cache.close();
        }
    }

    @Test
    void metersReportTheExactCountsOfKnownTraffic() {
        cache = caches.smallCache("users");
        new ArenaCacheMeterBinder(cache).bindTo(registry);
        caches.driveKnownTraffic(cache);

        assertThat(counter("cache.gets", "result", "hit")).isEqualTo(HITS);
        assertThat(counter("cache.gets", "result", "miss")).isEqualTo(MISSES);
        assertThat(counter("cache.puts")).isEqualTo(PUTS);
        assertThat(counter("cache.load", "result", "success")).isEqualTo(LOAD_SUCCESSES);
        assertThat(counter("cache.load", "result", "failure")).isEqualTo(LOAD_FAILURES);
        assertThat(registry.get("cache.load.duration").tag("cache", "users").timeGauge().value(TimeUnit.NANOSECONDS))
                .isEqualTo(LOAD_NANOS);
        assertThat(counter("arena.cache.expirations")).isEqualTo(EXPIRATIONS);
        assertThat(counter("arena.cache.rejections")).isEqualTo(REJECTIONS);
        assertThat(counter("arena.cache.explicit.removals")).isEqualTo(EXPLICIT_REMOVALS);
        assertThat(counter("cache.evictions")).isZero();
        // a, c left: b was invalidated, ttl expired, d failed, huge was rejected
        assertThat(gauge("cache.size")).isEqualTo(2);
        CacheStats stats = cache.stats();
        assertThat(gauge("arena.cache.memory.used")).isEqualTo(stats.bytesUsed()).isPositive();
        assertThat(gauge("arena.cache.memory.committed")).isEqualTo(stats.bytesCommitted()).isPositive();
        assertThat(gauge("arena.cache.memory.max")).isEqualTo(64 * 1024);
    }

    @Test
    void evictionMetersFollowTheEngine() {
        cache = caches.smallCache("small");
        new ArenaCacheMeterBinder(cache).bindTo(registry);
        ObservedCaches.forceEvictions(cache);

        CacheStats stats = cache.stats();
        assertThat(counter("cache.evictions")).isEqualTo(stats.evictions()).isPositive();
        assertThat(counter("cache.eviction.weight")).isEqualTo(stats.evictionBytes())
                .isGreaterThanOrEqualTo(1024 * stats.evictions());
        assertThat(counter("arena.cache.generation.rotations")).isEqualTo(stats.generationRotations()).isPositive();
        assertThat(gauge("cache.size")).isEqualTo(stats.entries());
        assertThat(gauge("arena.cache.memory.used")).isEqualTo(stats.bytesUsed()).isLessThanOrEqualTo(64 * 1024);
    }

    @Test
    void everyMeterIsTaggedWithTheCacheNameAndBytesMetersHaveAUnit() {
        cache = caches.smallCache("tagged");
        new ArenaCacheMeterBinder(cache).bindTo(registry);

        assertThat(registry.getMeters()).hasSize(16)
                .allSatisfy(meter -> assertThat(meter.getId().getTag("cache")).isEqualTo("tagged"));
        assertThat(registry.getMeters()).filteredOn(meter -> meter.getId().getName().startsWith("arena.cache.memory"))
                .extracting(meter -> meter.getId().getBaseUnit()).containsOnly("bytes");
        assertThat(registry.getMeters()).extracting(meter -> meter.getId().getType())
                .doesNotContain(Meter.Type.TIMER, Meter.Type.DISTRIBUTION_SUMMARY);
    }

    @Test
    void aClosedCacheKeepsItsLastCountsAndReportsNoEntries() {
        cache = caches.smallCache("closing");
        new ArenaCacheMeterBinder(cache).bindTo(registry);
        caches.driveKnownTraffic(cache);
        assertThat(counter("cache.gets", "result", "hit")).isEqualTo(HITS);

        cache.close();

        assertThat(counter("cache.gets", "result", "hit")).isEqualTo(HITS);
        assertThat(counter("cache.puts")).isEqualTo(PUTS);
        assertThat(gauge("cache.size")).isZero();
    }

    private double counter(String name, String... tags) {
        return registry.get(name).tag("cache", cache.name()).tags(tags).functionCounter().count();
    }

    private double gauge(String name) {
        return registry.get(name).tag("cache", cache.name()).gauge().value();
    }
}
