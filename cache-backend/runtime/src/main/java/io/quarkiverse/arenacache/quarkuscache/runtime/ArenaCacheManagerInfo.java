package io.quarkiverse.arenacache.quarkuscache.runtime;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheManager;
import io.quarkiverse.arenacache.quarkuscache.ArenaBackedCache;
import io.quarkus.arc.Arc;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheManager;
import io.quarkus.cache.CacheManagerInfo;

/**
 * The quarkus-cache backend for {@code quarkus.cache.type=arena}: hands quarkus-cache one {@link ArenaQuarkusCache}
 * per cache name of that type, each backed by the arena cache the arena-cache extension created for it.
 */
final class ArenaCacheManagerInfo implements CacheManagerInfo {

    @Override
    public boolean supports(Context context) {
        return context.cacheEnabled() && ArenaBackedCache.TYPE.equals(context.cacheType());
    }

    @Override
    public Supplier<CacheManager> get(Context context) {
        return () -> {
            ArenaCacheManager arenaCaches = Arc.container().instance(ArenaCacheManager.class).get();
            Map<String, Cache> caches = new TreeMap<>();
            for (String name : context.cacheNames()) {
                Optional<ArenaCache<Object, Object>> arena = arenaCaches.getCache(name);
                caches.put(name, new ArenaQuarkusCache(name, arena.orElseThrow(() -> new IllegalStateException(
                        "quarkus-cache cache '" + name + "' has type arena but arena-cache did not define it at build"
                                + " time; arena caches: " + arenaCaches.cacheNames()))));
            }
            return new FixedCacheManager(caches);
        };
    }

    /** The caches of one backend, fixed at startup. */
    private record FixedCacheManager(Map<String, Cache> caches) implements CacheManager {

        @Override
        public Collection<String> getCacheNames() {
            return caches.keySet();
        }

        @Override
        public Optional<Cache> getCache(String name) {
            return name == null ? Optional.empty() : Optional.ofNullable(caches.get(name));
        }
    }
}
