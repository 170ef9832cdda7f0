package io.quarkiverse.arenacache.runtime.metrics;

import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.CacheStats;

/**
 * Publishes one cache's counters as Micrometer meters. Every meter is a function of {@link ArenaCache#stats()},
 * read only when the registry is scraped, so the cache's hot path pays nothing.
 * <p>
 * The {@code cache.*} meters use the names, tags and types of Micrometer's own cache binders
 * ({@code CacheMeterBinder}, {@code CaffeineCacheMetrics}) so dashboards built for them work unchanged; the
 * {@code arena.cache.*} meters cover what only an off-heap cache has.
 * <p>
 * Micrometer references the binder's state weakly: keep the binder reachable as long as its meters are wanted.
 */
public final class ArenaCacheMeterBinder implements MeterBinder {

    private final StatsSource source;
    private final Tags tags;

    public ArenaCacheMeterBinder(ArenaCache<?, ?> cache) {
        this.source = new StatsSource(cache);
        this.tags = Tags.of("cache", cache.name());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        bindStandardMeters(registry);
        bindArenaMeters(registry);
    }

    private void bindStandardMeters(MeterRegistry registry) {
        Gauge.builder("cache.size", source, StatsSource::entries)
                .tags(tags)
                .description("The number of entries in this cache")
                .register(registry);
        counter(registry, "cache.gets", CacheStats::hits, "The number of times cache lookup methods have returned a"
                + " cached value", "result", "hit");
        counter(registry, "cache.gets", CacheStats::misses, "The number of times cache lookup methods have not found"
                + " a live value", "result", "miss");
        counter(registry, "cache.puts", CacheStats::puts, "The number of entries added to the cache (puts and"
                + " successful loads)");
        counter(registry, "cache.evictions", CacheStats::evictions, "The number of entries evicted to stay within"
                + " the memory budget");
        counter(registry, "cache.eviction.weight", CacheStats::evictionBytes, "The sum of the sizes in bytes of"
                + " evicted entries; does not include expirations or manual invalidations");
        counter(registry, "cache.load", CacheStats::loadSuccesses, "The number of times cache lookup methods have"
                + " successfully loaded a new value", "result", "success");
        counter(registry, "cache.load", CacheStats::loadFailures, "The number of times cache lookup methods failed"
                + " to load a new value, because the loader threw or returned null", "result", "failure");
        TimeGauge.builder("cache.load.duration", source, TimeUnit.NANOSECONDS,
                s -> s.stats().totalLoadTimeNanos())
                .tags(tags)
                .description("The time the cache has spent loading new values")
                .register(registry);
    }

    private void bindArenaMeters(MeterRegistry registry) {
        bytesGauge(registry, "arena.cache.memory.used", CacheStats::bytesUsed,
                "Off-heap bytes held by live entries, entry headers included");
        bytesGauge(registry, "arena.cache.memory.committed", CacheStats::bytesCommitted,
                "Off-heap bytes allocated: generation slabs, index tables and eviction policy tables");
        bytesGauge(registry, "arena.cache.memory.max", CacheStats::maxMemory,
                "The memory budget for entry data");
        counter(registry, "arena.cache.generation.rotations", CacheStats::generationRotations,
                "The number of times a full generation slab was retired and reused");
        counter(registry, "arena.cache.rejections", CacheStats::rejections,
                "The number of entries refused because they are larger than a generation slab");
        counter(registry, "arena.cache.expirations", CacheStats::expirations,
                "The number of entries removed because their time-to-live passed");
        counter(registry, "arena.cache.explicit.removals", CacheStats::explicitRemovals,
                "The number of entries removed by invalidate, invalidateIf or invalidateAll");
    }

    private void counter(MeterRegistry registry, String name, ToDoubleFunction<CacheStats> value,
            String description, String... extraTags) {
        FunctionCounter.builder(name, source, s -> value.applyAsDouble(s.stats()))
                .tags(tags)
                .tags(extraTags)
                .description(description)
                .register(registry);
    }

    private void bytesGauge(MeterRegistry registry, String name, ToDoubleFunction<CacheStats> value,
            String description) {
        Gauge.builder(name, source, s -> value.applyAsDouble(s.stats()))
                .tags(tags)
                .baseUnit(BaseUnits.BYTES)
                .description(description)
                .register(registry);
    }
}
