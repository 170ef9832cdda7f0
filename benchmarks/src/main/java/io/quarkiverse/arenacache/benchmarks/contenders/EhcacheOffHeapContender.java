package io.quarkiverse.arenacache.benchmarks.contenders;

import java.util.function.Function;

import org.ehcache.Cache;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.config.units.MemoryUnit;

/** Ehcache 3 with a single off-heap tier (no on-heap tier in front of it), using its built-in serializers. */
final class EhcacheOffHeapContender implements CacheContender {

    /** An estimate of Ehcache's off-heap per-entry overhead (its own header and the off-heap hash table slot). */
    static final long ESTIMATED_OVERHEAD_PER_ENTRY = 128;
    private static final long MB = 1024 * 1024;

    private final CacheManager manager;
    private final Cache<Long, byte[]> cache;

    EhcacheOffHeapContender(CacheSpec spec) {
        long bytes = (long) ((spec.payloadBytes() + spec.entries() * ESTIMATED_OVERHEAD_PER_ENTRY) * spec.slack());
        long megabytes = Math.max(2, (bytes + MB - 1) / MB);
        manager = CacheManagerBuilder.newCacheManagerBuilder()
                .withCache("bench", CacheConfigurationBuilder.newCacheConfigurationBuilder(Long.class, byte[].class,
                        ResourcePoolsBuilder.newResourcePoolsBuilder().offheap(megabytes, MemoryUnit.MB)))
                .build(true);
        cache = manager.getCache("bench", Long.class, byte[].class);
    }

    @Override
    public String name() {
        return "Ehcache-offheap";
    }

    @Override
    public Object get(Long key) {
        return cache.get(key);
    }

    @Override
    public void put(Long key, byte[] value) {
        cache.put(key, value);
    }

    @Override
    public Object getOrLoad(Long key, Function<Long, byte[]> loader) {
        byte[] cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] loaded = loader.apply(key);
        byte[] raced = cache.putIfAbsent(key, loaded);
        return raced != null ? raced : loaded;
    }

    @Override
    public long size() {
        long count = 0;
        for (Cache.Entry<Long, byte[]> ignored : cache) {
            count++;
        }
        return count;
    }

    @Override
    public void close() {
        manager.close();
    }
}
