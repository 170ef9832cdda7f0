package io.quarkiverse.arenacache.benchmarks.simulation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/** Caffeine's W-TinyLFU bounded by entry count; maintenance runs on the caller's thread so replays are repeatable. */
final class CaffeinePolicy implements ReplayPolicy {

    private final Cache<Long, Boolean> cache;

    CaffeinePolicy(int capacity) {
        cache = Caffeine.newBuilder().maximumSize(capacity).executor(Runnable::run).build();
    }

    @Override
    public boolean access(long key) {
        if (cache.getIfPresent(key) != null) {
            return true;
        }
        cache.put(key, Boolean.TRUE);
        return false;
    }

    @Override
    public long resident() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
