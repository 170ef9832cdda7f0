package io.quarkiverse.arenacache;

/**
 * Told about every entry the cache removes on its own: causes {@link RemovalCause#SIZE},
 * {@link RemovalCause#EXPIRED} and {@link RemovalCause#REJECTED}.
 * <p>
 * The listener runs on the thread whose operation caused the eviction, after the cache's internal locks are
 * released, so it may use the cache. Key and value are decoded only when a listener is registered. An exception
 * thrown by the listener is logged and otherwise ignored.
 */
@FunctionalInterface
public interface EvictionListener<K, V> {

    void onEviction(K key, V value, RemovalCause cause);
}
