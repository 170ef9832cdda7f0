package io.quarkiverse.arenacache.runtime.spi;

import io.quarkiverse.arenacache.ArenaCache;

/**
 * Wraps every cache the extension creates, before it is injected or returned by the
 * {@link io.quarkiverse.arenacache.ArenaCacheManager}. Optional integrations (e.g. tracing) provide one as a CDI
 * bean; decorators are applied in ascending {@link #priority()} order, so the highest priority is outermost.
 * A decorator must delegate every method it does not change, including {@code close()}.
 */
public interface ArenaCacheDecorator {

    /** @return the cache to expose in place of {@code cache} (may be {@code cache} itself) */
    <K, V> ArenaCache<K, V> decorate(ArenaCache<K, V> cache);

    /** @return the ordering key; lower values are applied first (innermost) */
    default int priority() {
        return 0;
    }
}
