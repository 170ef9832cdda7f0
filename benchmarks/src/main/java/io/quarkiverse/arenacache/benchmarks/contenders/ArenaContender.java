package io.quarkiverse.arenacache.benchmarks.contenders;

import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.util.function.Function;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheBuilder;
import io.quarkiverse.arenacache.CacheStats;
import io.quarkiverse.arenacache.ValueReader;

/**
 * arena-cache through its public API only. The object flavour decodes every hit into a new {@code byte[]} (what
 * {@link ArenaCache#get} promises); the zero-copy flavour reads the stored bytes in place with
 * {@link ArenaCache#read} and returns a constant computed from them, so a hit need not allocate at all.
 */
final class ArenaContender implements CacheContender {

    /**
     * Reads the first 8 stored bytes (the benchmark values embed their key there) so the JIT cannot skip the read,
     * and answers with a canonical {@code Boolean}: nothing is allocated.
     */
    private static final ValueReader<Boolean> FIRST_WORD_READER = (segment, offset, length) -> length >= Long.BYTES
            && segment.get(JAVA_LONG_UNALIGNED, offset) != Long.MIN_VALUE ? Boolean.TRUE : Boolean.FALSE;

    private final ArenaCache<Long, byte[]> cache;
    private final boolean zeroCopy;

    ArenaContender(CacheSpec spec, boolean zeroCopy) {
        this.zeroCopy = zeroCopy;
        this.cache = ArenaSizing.builderFor(spec, ArenaCacheBuilder.DEFAULT_SHARDS).build();
    }

    @Override
    public String name() {
        return zeroCopy ? "arena-cache(zero-copy)" : "arena-cache";
    }

    @Override
    public Object get(Long key) {
        return zeroCopy ? cache.read(key, FIRST_WORD_READER) : cache.get(key);
    }

    @Override
    public void put(Long key, byte[] value) {
        cache.put(key, value);
    }

    @Override
    public Object getOrLoad(Long key, Function<Long, byte[]> loader) {
        return cache.getOrLoad(key, loader);
    }

    @Override
    public long size() {
        return cache.size();
    }

    /** @return the engine's counters, for reports and sanity checks */
    CacheStats stats() {
        return cache.stats();
    }

    @Override
    public void close() {
        cache.close();
    }
}
