package io.quarkiverse.arenacache.engine;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.CacheSettings;
import io.quarkiverse.arenacache.Codec;
import io.quarkiverse.arenacache.EvictionListener;
import io.quarkiverse.arenacache.Ticker;

/**
 * Entry point of the off-heap engine behind {@link ArenaCache}. Internal: build caches with
 * {@link ArenaCache#builder}. (Skeleton: the engine issue fills this in.)
 */
public final class ArenaCacheEngine {

    private ArenaCacheEngine() {
    }

    public static <K, V> ArenaCache<K, V> create(CacheSettings settings, Codec<K> keyCodec, Codec<V> valueCodec,
            Ticker ticker, EvictionListener<? super K, ? super V> listener) {
        throw new UnsupportedOperationException("engine not implemented yet");
    }

    public static long maxEntryBytes(long generationBytes) {
        return generationBytes;
    }
}
