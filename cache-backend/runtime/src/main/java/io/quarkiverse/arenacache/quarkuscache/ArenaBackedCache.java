package io.quarkiverse.arenacache.quarkuscache;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkus.cache.Cache;

/**
 * A quarkus-cache {@link Cache} whose entries live in an off-heap {@link ArenaCache}: what
 * {@code @CacheName("name") Cache} and {@code CacheManager.getCache("name")} return for a cache configured with
 * {@code quarkus.cache.type=arena} or {@code quarkus.cache."name".type=arena}. Reach it with
 * {@code cache.as(ArenaBackedCache.class)}.
 */
public interface ArenaBackedCache extends Cache {

    /** The cache type to set in {@code quarkus.cache.type} or {@code quarkus.cache."name".type}. */
    String TYPE = "arena";

    /**
     * @return the arena cache holding this cache's entries, for its statistics, settings and layout. Its keys are
     *         the keys the annotations compute (a parameter, a {@link io.quarkus.cache.CompositeCacheKey} or the
     *         {@link io.quarkus.cache.DefaultCacheKey}); a method result of {@code null} is stored as a marker object
     *         that only this cache turns back into {@code null}.
     */
    ArenaCache<Object, Object> arenaCache();
}
