package io.quarkiverse.arenacache.benchmarks.contenders;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The unbounded floor: a plain {@link ConcurrentHashMap}, no eviction, no statistics. */
final class ConcurrentMapContender implements CacheContender {

    private final ConcurrentHashMap<Long, byte[]> map;

    ConcurrentMapContender(CacheSpec spec) {
        map = new ConcurrentHashMap<>((int) Math.min(Integer.MAX_VALUE, spec.entries() * 4 / 3 + 1));
    }

    @Override
    public String name() {
        return "ConcurrentHashMap";
    }

    @Override
    public Object get(Long key) {
        return map.get(key);
    }

    @Override
    public void put(Long key, byte[] value) {
        map.put(key, value);
    }

    @Override
    public Object getOrLoad(Long key, Function<Long, byte[]> loader) {
        return map.computeIfAbsent(key, loader);
    }

    @Override
    public long size() {
        return map.size();
    }

    @Override
    public void close() {
        map.clear();
    }
}
