package io.quarkiverse.arenacache.benchmarks.contenders;

import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/** Caffeine bounded by entry count (W-TinyLFU), the on-heap cache users would pick instead. */
final class CaffeineContender implements CacheContender {

    private final Cache<Long, byte[]> cache;

    CaffeineContender(CacheSpec spec) {
        cache = Caffeine.newBuilder()
                .maximumSize(spec.entries())
                .initialCapacity((int) Math.min(Integer.MAX_VALUE / 2, spec.entries()))
                .build();
    }

    @Override
    public String name() {
        return "Caffeine";
    }

    @Override
    public Object get(Long key) {
        return cache.getIfPresent(key);
    }

    @Override
    public void put(Long key, byte[] value) {
        cache.put(key, value);
    }

    @Override
    public Object getOrLoad(Long key, Function<Long, byte[]> loader) {
        return cache.get(key, loader);
    }

    @Override
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    @Override
    public void close() {
        cache.invalidateAll();
        cache.cleanUp();
    }
}
