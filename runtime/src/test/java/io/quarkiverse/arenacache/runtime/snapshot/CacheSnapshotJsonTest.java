package io.quarkiverse.arenacache.runtime.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.CacheLayout;
import io.quarkiverse.arenacache.CacheSettings;
import io.quarkiverse.arenacache.CacheStats;
import io.quarkiverse.arenacache.Codecs;
import io.quarkiverse.arenacache.runtime.ObservedCaches;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

class CacheSnapshotJsonTest {

    private final ObservedCaches caches = new ObservedCaches();
    private ArenaCache<String, String> users;
    private ArenaCache<String, String> sessions;

    @AfterEach
    void close() {
        users.close();
        sessions.close();
    }

    @Test
    void listsEveryCacheWithItsSettingsStatsAndLayout() {
        users = caches.smallCache("users");
        sessions = caches.smallCache("sessions");
        caches.driveKnownTraffic(users);

        // Round trip through text: what the endpoint sends is what clients parse.
        JsonObject snapshot = new JsonObject(CacheSnapshotJson.allCaches(List.of(users, sessions)).encode());

        assertThat(snapshot.fieldNames()).containsExactly("caches");
        JsonArray list = snapshot.getJsonArray("caches");
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.getJsonObject(0).getString("name")).isEqualTo("users");
        assertThat(list.getJsonObject(1).getString("name")).isEqualTo("sessions");
        assertMatches(list.getJsonObject(0), users);
        assertMatches(list.getJsonObject(1), sessions);
        JsonObject usersStats = list.getJsonObject(0).getJsonObject("stats");
        assertThat(usersStats.getLong("hits")).isEqualTo(ObservedCaches.HITS);
        assertThat(usersStats.getLong("misses")).isEqualTo(ObservedCaches.MISSES);
        assertThat(usersStats.getDouble("hitRatio")).isEqualTo(3.0 / 7);
        assertThat(list.getJsonObject(0).getJsonObject("settings").getString("expireAfterWrite")).isEqualTo("PT10M");
    }

    @Test
    void neverContainsKeysOrValues() {
        users = caches.smallCache("users");
        sessions = caches.smallCache("sessions");
        users.put("secret-key-4711", "secret-value-0815");
        users.get("secret-key-4711");

        String text = CacheSnapshotJson.cache(users).encode();

        assertThat(text).doesNotContain("secret-key-4711", "secret-value-0815");
    }

    @Test
    void aClosedCacheIsListedAsClosedWithoutMemoryDetails() {
        users = caches.smallCache("users");
        sessions = caches.smallCache("sessions");
        sessions.close();

        JsonObject closed = new JsonObject(CacheSnapshotJson.cache(sessions).encode());

        assertThat(closed.fieldNames()).containsExactly("name", "closed", "settings", "stats", "shards");
        assertThat(closed.getBoolean("closed")).isTrue();
        assertThat(closed.getValue("settings")).isNull();
        assertThat(closed.getValue("stats")).isNull();
        assertThat(closed.getJsonArray("shards")).isEmpty();
    }

    /**
     * The totals under {@code stats} are what the shards below them add up to, also while the cache is written:
     * clients (and arena-cache-inspect) show both.
     */
    @Test
    void totalsAreTheSumOfTheShardsUnderConcurrentPuts() throws Exception {
        users = ArenaCache.builder(Codecs.strings(), Codecs.strings()).name("users").maxMemory(64L << 20).shards(4)
                .generations(2).build();
        sessions = caches.smallCache("sessions");
        AtomicBoolean done = new AtomicBoolean();
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < 200_000; i++) {
                users.put("user-" + i, "v");
            }
            done.set(true);
        });
        List<String> mismatches = new ArrayList<>();
        int reads = 0;
        while (!done.get() && mismatches.size() < 5) {
            JsonObject json = CacheSnapshotJson.cache(users);
            reads++;
            long entries = 0;
            long bytesUsed = 0;
            long bytesCommitted = 0;
            JsonArray shards = json.getJsonArray("shards");
            for (int i = 0; i < shards.size(); i++) {
                entries += shards.getJsonObject(i).getLong("entries");
                bytesUsed += shards.getJsonObject(i).getLong("bytesUsed");
                bytesCommitted += shards.getJsonObject(i).getLong("bytesCommitted");
            }
            JsonObject stats = json.getJsonObject("stats");
            if (stats.getLong("entries") != entries || stats.getLong("bytesUsed") != bytesUsed
                    || stats.getLong("bytesCommitted") != bytesCommitted) {
                mismatches.add("stats " + stats.getLong("entries") + "/" + stats.getLong("bytesUsed") + "/"
                        + stats.getLong("bytesCommitted") + ", shards " + entries + "/" + bytesUsed + "/"
                        + bytesCommitted);
            }
        }
        writer.join();
        assertThat(mismatches).as("entries/bytesUsed/bytesCommitted in %d snapshots", reads).isEmpty();
    }

    /** Checks every field of a cache's snapshot against the cache's own API. */
    static void assertMatches(JsonObject json, ArenaCache<?, ?> cache) {
        CacheSettings settings = cache.settings();
        CacheStats stats = cache.stats();
        CacheLayout layout = cache.layout();
        assertThat(json.fieldNames()).containsExactly("name", "closed", "settings", "stats", "shards");
        assertThat(json.getString("name")).isEqualTo(cache.name());
        assertThat(json.getBoolean("closed")).isFalse();

        JsonObject jsonSettings = json.getJsonObject("settings");
        assertThat(jsonSettings.fieldNames()).containsExactly("maxMemory", "expireAfterWrite", "shards",
                "generations", "generationBytes", "maxEntryBytes");
        assertThat(jsonSettings.getLong("maxMemory")).isEqualTo(settings.maxMemory());
        assertThat(jsonSettings.getString("expireAfterWrite"))
                .isEqualTo(settings.expireAfterWrite().map(Object::toString).orElse(null));
        assertThat(jsonSettings.getInteger("shards")).isEqualTo(settings.shards());
        assertThat(jsonSettings.getInteger("generations")).isEqualTo(settings.generations());
        assertThat(jsonSettings.getLong("generationBytes")).isEqualTo(settings.generationBytes());
        assertThat(jsonSettings.getLong("maxEntryBytes")).isEqualTo(settings.maxEntryBytes());

        JsonObject jsonStats = json.getJsonObject("stats");
        assertThat(jsonStats.fieldNames()).containsExactly("hits", "misses", "hitRatio", "puts", "evictions",
                "evictionBytes", "expirations", "rejections", "explicitRemovals", "loadSuccesses", "loadFailures",
                "totalLoadTimeNanos", "generationRotations", "entries", "bytesUsed", "bytesCommitted", "maxMemory");
        assertThat(jsonStats.getLong("hits")).isEqualTo(stats.hits());
        assertThat(jsonStats.getLong("misses")).isEqualTo(stats.misses());
        assertThat(jsonStats.getDouble("hitRatio")).isEqualTo(stats.hitRatio());
        assertThat(jsonStats.getLong("puts")).isEqualTo(stats.puts());
        assertThat(jsonStats.getLong("evictions")).isEqualTo(stats.evictions());
        assertThat(jsonStats.getLong("evictionBytes")).isEqualTo(stats.evictionBytes());
        assertThat(jsonStats.getLong("expirations")).isEqualTo(stats.expirations());
        assertThat(jsonStats.getLong("rejections")).isEqualTo(stats.rejections());
        assertThat(jsonStats.getLong("explicitRemovals")).isEqualTo(stats.explicitRemovals());
        assertThat(jsonStats.getLong("loadSuccesses")).isEqualTo(stats.loadSuccesses());
        assertThat(jsonStats.getLong("loadFailures")).isEqualTo(stats.loadFailures());
        assertThat(jsonStats.getLong("totalLoadTimeNanos")).isEqualTo(stats.totalLoadTimeNanos());
        assertThat(jsonStats.getLong("generationRotations")).isEqualTo(stats.generationRotations());
        assertThat(jsonStats.getLong("entries")).isEqualTo(stats.entries());
        assertThat(jsonStats.getLong("bytesUsed")).isEqualTo(stats.bytesUsed());
        assertThat(jsonStats.getLong("bytesCommitted")).isEqualTo(stats.bytesCommitted());
        assertThat(jsonStats.getLong("maxMemory")).isEqualTo(stats.maxMemory());

        JsonArray shards = json.getJsonArray("shards");
        assertThat(shards.size()).isEqualTo(layout.shards().size()).isEqualTo(settings.shards());
        for (int i = 0; i < shards.size(); i++) {
            JsonObject shard = shards.getJsonObject(i);
            CacheLayout.Shard expected = layout.shards().get(i);
            assertThat(shard.fieldNames()).containsExactly("index", "entries", "bytesUsed", "bytesCommitted",
                    "indexCapacity", "generations");
            assertThat(shard.getInteger("index")).isEqualTo(expected.index());
            assertThat(shard.getLong("entries")).isEqualTo(expected.entries());
            assertThat(shard.getLong("bytesUsed")).isEqualTo(expected.bytesUsed());
            assertThat(shard.getLong("bytesCommitted")).isEqualTo(expected.bytesCommitted());
            assertThat(shard.getLong("indexCapacity")).isEqualTo(expected.indexCapacity());
            JsonArray generations = shard.getJsonArray("generations");
            assertThat(generations.size()).isEqualTo(expected.generations().size());
            for (int g = 0; g < generations.size(); g++) {
                JsonObject generation = generations.getJsonObject(g);
                CacheLayout.Generation expectedGeneration = expected.generations().get(g);
                assertThat(generation.fieldNames()).containsExactly("slot", "epoch", "entries", "bytesUsed",
                        "bytesWritten", "capacity", "head");
                assertThat(generation.getInteger("slot")).isEqualTo(expectedGeneration.slot());
                assertThat(generation.getLong("epoch")).isEqualTo(expectedGeneration.epoch());
                assertThat(generation.getLong("entries")).isEqualTo(expectedGeneration.entries());
                assertThat(generation.getLong("bytesUsed")).isEqualTo(expectedGeneration.bytesUsed());
                assertThat(generation.getLong("bytesWritten")).isEqualTo(expectedGeneration.bytesWritten());
                assertThat(generation.getLong("capacity")).isEqualTo(expectedGeneration.capacity());
                assertThat(generation.getBoolean("head")).isEqualTo(expectedGeneration.head());
            }
        }
    }
}
