package io.quarkiverse.arenacache.runtime.snapshot;

import java.time.Duration;
import java.util.Collection;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.CacheLayout;
import io.quarkiverse.arenacache.CacheSettings;
import io.quarkiverse.arenacache.CacheStats;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Turns caches into the snapshot JSON. Field names are the component names of {@link CacheSettings},
 * {@link CacheStats} and {@link CacheLayout}, so the document reads like the Java API. Holds no keys or values.
 * <p>
 * A closed cache keeps its name and {@code "closed": true}, with {@code settings} and {@code stats} set to
 * {@code null} and no shards: its memory is gone.
 */
public final class CacheSnapshotJson {

    private CacheSnapshotJson() {
    }

    /** @return {@code {"caches": [...]}} for every cache, in the order given */
    public static JsonObject allCaches(Collection<? extends ArenaCache<?, ?>> caches) {
        JsonArray array = new JsonArray();
        for (ArenaCache<?, ?> cache : caches) {
            array.add(cache(cache));
        }
        return new JsonObject().put("caches", array);
    }

    /** @return the snapshot of one cache */
    public static JsonObject cache(ArenaCache<?, ?> cache) {
        JsonObject json = new JsonObject().put("name", cache.name());
        if (!cache.isClosed()) {
            try {
                // Read everything before writing anything, so a close() racing with us yields a closed entry.
                CacheSettings settings = cache.settings();
                CacheLayout layout = cache.layout();
                CacheStats stats = matching(cache.stats(), layout);
                return json.put("closed", false)
                        .put("settings", settings(settings))
                        .put("stats", stats(stats))
                        .put("shards", shards(layout));
            } catch (IllegalStateException closedMeanwhile) {
                // fall through to the closed form
            }
        }
        return json.put("closed", true)
                .putNull("settings")
                .putNull("stats")
                .put("shards", new JsonArray());
    }

    /**
     * @return {@code stats} with the entries and bytes of {@code layout}: both are read from the shards at different
     *         moments, and while the cache is written the totals shown did not add up to the shards shown with them.
     *         The counters stay those of {@code stats}, read after the layout, so they are never behind it.
     */
    public static CacheStats matching(CacheStats stats, CacheLayout layout) {
        long entries = 0;
        long bytesUsed = 0;
        long bytesCommitted = 0;
        for (CacheLayout.Shard shard : layout.shards()) {
            entries += shard.entries();
            bytesUsed += shard.bytesUsed();
            bytesCommitted += shard.bytesCommitted();
        }
        return new CacheStats(stats.hits(), stats.misses(), stats.puts(), stats.evictions(), stats.evictionBytes(),
                stats.expirations(), stats.rejections(), stats.explicitRemovals(), stats.loadSuccesses(),
                stats.loadFailures(), stats.totalLoadTimeNanos(), stats.generationRotations(), entries, bytesUsed,
                bytesCommitted, stats.maxMemory());
    }

    static JsonObject settings(CacheSettings settings) {
        return new JsonObject()
                .put("maxMemory", settings.maxMemory())
                .put("expireAfterWrite", settings.expireAfterWrite().map(Duration::toString).orElse(null))
                .put("shards", settings.shards())
                .put("generations", settings.generations())
                .put("generationBytes", settings.generationBytes())
                .put("maxEntryBytes", settings.maxEntryBytes());
    }

    static JsonObject stats(CacheStats stats) {
        return new JsonObject()
                .put("hits", stats.hits())
                .put("misses", stats.misses())
                .put("hitRatio", stats.hitRatio())
                .put("puts", stats.puts())
                .put("evictions", stats.evictions())
                .put("evictionBytes", stats.evictionBytes())
                .put("expirations", stats.expirations())
                .put("rejections", stats.rejections())
                .put("explicitRemovals", stats.explicitRemovals())
                .put("loadSuccesses", stats.loadSuccesses())
                .put("loadFailures", stats.loadFailures())
                .put("totalLoadTimeNanos", stats.totalLoadTimeNanos())
                .put("generationRotations", stats.generationRotations())
                .put("entries", stats.entries())
                .put("bytesUsed", stats.bytesUsed())
                .put("bytesCommitted", stats.bytesCommitted())
                .put("maxMemory", stats.maxMemory());
    }

    static JsonArray shards(CacheLayout layout) {
        JsonArray shards = new JsonArray();
        for (CacheLayout.Shard shard : layout.shards()) {
            JsonArray generations = new JsonArray();
            for (CacheLayout.Generation generation : shard.generations()) {
                generations.add(new JsonObject()
                        .put("slot", generation.slot())
                        .put("epoch", generation.epoch())
                        .put("entries", generation.entries())
                        .put("bytesUsed", generation.bytesUsed())
                        .put("bytesWritten", generation.bytesWritten())
                        .put("capacity", generation.capacity())
                        .put("head", generation.head()));
            }
            shards.add(new JsonObject()
                    .put("index", shard.index())
                    .put("entries", shard.entries())
                    .put("bytesUsed", shard.bytesUsed())
                    .put("bytesCommitted", shard.bytesCommitted())
                    .put("indexCapacity", shard.indexCapacity())
                    .put("generations", generations));
        }
        return shards;
    }
}
