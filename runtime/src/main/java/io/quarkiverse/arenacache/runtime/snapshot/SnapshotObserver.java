package io.quarkiverse.arenacache.runtime.snapshot;

import java.util.function.Supplier;

/**
 * Watches snapshot requests, e.g. to trace them. An optional CDI bean: the snapshot endpoint uses it when one
 * exists.
 */
public interface SnapshotObserver {

    /**
     * Runs {@code snapshot} on behalf of a request.
     *
     * @param cacheName the cache asked for, or {@code null} for all caches
     * @return what {@code snapshot} returns
     */
    <T> T observe(String cacheName, Supplier<T> snapshot);
}
