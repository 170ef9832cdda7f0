package io.quarkiverse.arenacache.benchmarks.jmh;

import io.quarkiverse.arenacache.benchmarks.contenders.CacheContender;
import io.quarkiverse.arenacache.benchmarks.contenders.CacheSpec;
import io.quarkiverse.arenacache.benchmarks.contenders.Contender;
import io.quarkiverse.arenacache.benchmarks.workload.PopulatedCache;
import io.quarkiverse.arenacache.benchmarks.workload.ScrambledZipf;
import io.quarkiverse.arenacache.benchmarks.workload.Values;

/** Pre-drawn keys and pre-built values shared by the JMH benchmarks, so the measured loop only touches the cache. */
final class BenchmarkData {

    /** How many keys are pre-drawn; walked cyclically by each thread's cursor. */
    static final int KEY_COUNT = 1 << 20;
    static final int KEY_MASK = KEY_COUNT - 1;
    /** Distinct value arrays handed to puts and loaders (the caches copy or reference them as they do for users). */
    static final int VALUE_POOL = 1 << 10;
    static final int VALUE_MASK = VALUE_POOL - 1;

    private BenchmarkData() {
    }

    /** @return {@link #KEY_COUNT} boxed keys from a scrambled Zipf distribution over {@code [0, entries)} */
    static Long[] zipfKeys(int entries, long seed) {
        long[] drawn = new ScrambledZipf(entries, seed).draw(KEY_COUNT);
        Long[] keys = new Long[KEY_COUNT];
        for (int i = 0; i < KEY_COUNT; i++) {
            keys[i] = drawn[i];
        }
        return keys;
    }

    /** @return {@link #VALUE_POOL} distinct values of {@code valueSize} bytes */
    static byte[][] valuePool(int valueSize) {
        byte[][] values = new byte[VALUE_POOL][];
        for (int i = 0; i < VALUE_POOL; i++) {
            values[i] = Values.forKey(i, valueSize);
        }
        return values;
    }

    /** Opens the contender filled to {@code entries} and logs its residency, the setup every benchmark shares. */
    static CacheContender openPopulated(String contender, int entries, int valueSize) {
        PopulatedCache.Opened opened = PopulatedCache.open(Contender.parse(contender), new CacheSpec(entries,
                valueSize));
        CacheContender cache = opened.cache();
        System.out.printf("%n[setup] %s holds %d entries (residency %.4f, budget slack %.2f)%n", cache.name(),
                cache.size(), opened.residency(), opened.spec().slack());
        return cache;
    }
}
