package io.quarkiverse.arenacache.it.observe;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheManager;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkiverse.arenacache.CacheLayout;
import io.quarkiverse.arenacache.CacheSettings;
import io.quarkiverse.arenacache.CacheStats;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The snapshot endpoint, on by default in test mode. */
@QuarkusTest
class SnapshotEndpointTest {

    @Inject
    @ArenaCacheName("observe-snapshot")
    ArenaCache<String, String> cache;

    @Inject
    ArenaCacheManager manager;

    @Test
    void listsEveryCacheOfTheApplication() {
        Response response = given().get("/q/arena-cache").then()
                .statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .extract().response();

        List<String> names = response.jsonPath().getList("caches.name");
        assertThat(names).containsExactlyElementsOf(manager.cacheNames()).contains("observe-snapshot");
        assertThat(response.jsonPath().getMap("$")).containsOnlyKeys("caches");
    }

    @Test
    void showsOneCacheWithItsSettingsStatsAndOccupancy() {
        cache.put("secret-key-4711", "secret-value-0815");
        cache.put("other", "value");
        cache.get("secret-key-4711");
        cache.get("missing");

        Response response = given().get("/q/arena-cache/observe-snapshot").then()
                .statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .extract().response();

        assertThat(response.asString()).doesNotContain("secret-key-4711", "secret-value-0815");
        JsonPath json = response.jsonPath();
        CacheSettings settings = cache.settings();
        CacheStats stats = cache.stats();
        CacheLayout layout = cache.layout();
        assertThat(json.getMap("$")).containsOnlyKeys("name", "closed", "settings", "stats", "shards");
        assertThat(json.getString("name")).isEqualTo("observe-snapshot");
        assertThat(json.getBoolean("closed")).isFalse();
        assertThat(json.getMap("settings")).containsOnlyKeys("maxMemory", "expireAfterWrite", "shards",
                "generations", "generationBytes", "maxEntryBytes");
        assertThat(json.getLong("settings.maxMemory")).isEqualTo(settings.maxMemory());
        assertThat(json.getString("settings.expireAfterWrite")).isNull();
        assertThat(json.getInt("settings.shards")).isEqualTo(settings.shards());
        assertThat(json.getInt("settings.generations")).isEqualTo(settings.generations());
        assertThat(json.getLong("settings.generationBytes")).isEqualTo(settings.generationBytes());
        assertThat(json.getLong("settings.maxEntryBytes")).isEqualTo(settings.maxEntryBytes());

        Map<String, Object> jsonStats = json.getMap("stats");
        assertThat(jsonStats).containsOnlyKeys("hits", "misses", "hitRatio", "puts", "evictions", "evictionBytes",
                "expirations", "rejections", "explicitRemovals", "loadSuccesses", "loadFailures",
                "totalLoadTimeNanos", "generationRotations", "entries", "bytesUsed", "bytesCommitted", "maxMemory");
        assertThat(json.getLong("stats.hits")).isEqualTo(1).isEqualTo(stats.hits());
        assertThat(json.getLong("stats.misses")).isEqualTo(1).isEqualTo(stats.misses());
        assertThat(json.getDouble("stats.hitRatio")).isEqualTo(0.5);
        assertThat(json.getLong("stats.puts")).isEqualTo(2);
        assertThat(json.getLong("stats.entries")).isEqualTo(2);
        assertThat(json.getLong("stats.bytesUsed")).isEqualTo(stats.bytesUsed()).isPositive();
        assertThat(json.getLong("stats.bytesCommitted")).isEqualTo(stats.bytesCommitted());
        assertThat(json.getLong("stats.maxMemory")).isEqualTo(settings.maxMemory());

        assertThat(json.getList("shards")).hasSize(settings.shards());
        long entriesInShards = 0;
        for (int i = 0; i < settings.shards(); i++) {
            CacheLayout.Shard shard = layout.shards().get(i);
            String path = "shards[" + i + "]";
            assertThat(json.getMap(path)).containsOnlyKeys("index", "entries", "bytesUsed", "bytesCommitted",
                    "indexCapacity", "generations");
            assertThat(json.getInt(path + ".index")).isEqualTo(i);
            assertThat(json.getLong(path + ".entries")).isEqualTo(shard.entries());
            assertThat(json.getLong(path + ".indexCapacity")).isEqualTo(shard.indexCapacity());
            assertThat(json.getList(path + ".generations")).hasSize(shard.generations().size());
            for (int g = 0; g < shard.generations().size(); g++) {
                CacheLayout.Generation generation = shard.generations().get(g);
                String generationPath = path + ".generations[" + g + "]";
                assertThat(json.getMap(generationPath)).containsOnlyKeys("slot", "epoch", "entries", "bytesUsed",
                        "bytesWritten", "capacity", "head");
                assertThat(json.getLong(generationPath + ".capacity")).isEqualTo(generation.capacity());
                assertThat(json.getBoolean(generationPath + ".head")).isEqualTo(generation.head());
            }
            entriesInShards += json.getLong(path + ".entries");
        }
        assertThat(entriesInShards).isEqualTo(2);
    }

    @Test
    void anUnknownCacheIsA404ListingTheKnownNames() {
        Response response = given().get("/q/arena-cache/nope").then()
                .statusCode(404)
                .contentType("application/json")
                .extract().response();

        assertThat(response.jsonPath().getString("error")).isEqualTo("No arena cache named 'nope'");
        assertThat(response.jsonPath().getList("caches", String.class))
                .containsExactlyElementsOf(manager.cacheNames());
    }

    @Test
    void onlyReadsAreAllowed() {
        given().post("/q/arena-cache").then().statusCode(405).header("Allow", "GET, HEAD");
    }
}
