package io.quarkiverse.arenacache.benchmarks.contenders;

import java.util.function.Function;

/** The caches compared, each opened from a {@link CacheSpec}. Names are stable: they are JMH parameter values. */
public enum Contender {
    ARENA(spec -> new ArenaContender(spec, false)),
    ARENA_ZERO_COPY(spec -> new ArenaContender(spec, true)),
    CAFFEINE(CaffeineContender::new),
    OHC(OhcContender::new),
    EHCACHE_OFFHEAP(EhcacheOffHeapContender::new),
    CONCURRENT_HASH_MAP(ConcurrentMapContender::new);

    private final Function<CacheSpec, CacheContender> factory;

    Contender(Function<CacheSpec, CacheContender> factory) {
        this.factory = factory;
    }

    /** @return a new, empty cache sized for {@code spec} */
    public CacheContender open(CacheSpec spec) {
        return factory.apply(spec);
    }

    /** @return whether the cache bounds itself (everything but the unbounded map floor) */
    public boolean bounded() {
        return this != CONCURRENT_HASH_MAP;
    }

    /** @return whether the cache budgets bytes rather than counting entries, so its budget may need slack */
    public boolean byteBudgeted() {
        return this == ARENA || this == ARENA_ZERO_COPY || this == OHC || this == EHCACHE_OFFHEAP;
    }

    /** @return the contender for a name as written on the command line, case-insensitive, '-' or '_' */
    public static Contender parse(String name) {
        String normalized = name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (Contender contender : values()) {
            if (contender.name().equals(normalized)) {
                return contender;
            }
        }
        throw new IllegalArgumentException("unknown contender '" + name + "'; known: "
                + java.util.Arrays.toString(values()));
    }
}
