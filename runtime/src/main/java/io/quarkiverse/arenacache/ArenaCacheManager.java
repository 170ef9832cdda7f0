package io.quarkiverse.arenacache;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Looks up the application's arena caches by name. In Quarkus this is an application-scoped bean:
 * {@code @Inject ArenaCacheManager caches;}.
 */
public interface ArenaCacheManager {

    /** @return the names of all caches, configured or injected, in alphabetical order */
    Set<String> cacheNames();

    /**
     * @return the cache named {@code name}, or empty when there is none. The type arguments are not checked
     *         (use the types of the cache's injection points or configured codecs).
     */
    <K, V> Optional<ArenaCache<K, V>> getCache(String name);

    /** @return every cache, in the order of {@link #cacheNames()} */
    Collection<ArenaCache<?, ?>> caches();
}
