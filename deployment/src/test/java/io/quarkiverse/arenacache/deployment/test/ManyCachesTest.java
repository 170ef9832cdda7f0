package io.quarkiverse.arenacache.deployment.test;

import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheManager;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Twenty caches of different key and value types in one application: each gets its own bean, types and settings,
 * and the snapshot endpoint lists them all with totals that match their shards while they are written.
 */
class ManyCachesTest {

    public record Product(String sku, int stock) {
    }

    static final int CACHES = 20;

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Product.class))
            .overrideConfigKey("quarkus.arena-cache.shards", "4")
            .overrideConfigKey("quarkus.arena-cache.generations", "2")
            .overrideConfigKey("quarkus.arena-cache.cache-00.max-memory", "1M")
            .overrideConfigKey("quarkus.arena-cache.cache-01.max-memory", "2M")
            .overrideConfigKey("quarkus.arena-cache.cache-02.max-memory", "3M")
            .overrideConfigKey("quarkus.arena-cache.cache-03.max-memory", "4M")
            .overrideConfigKey("quarkus.arena-cache.cache-04.max-memory", "5M")
            .overrideConfigKey("quarkus.arena-cache.cache-05.max-memory", "6M")
            .overrideConfigKey("quarkus.arena-cache.cache-06.max-memory", "7M")
            .overrideConfigKey("quarkus.arena-cache.cache-07.max-memory", "8M")
            .overrideConfigKey("quarkus.arena-cache.cache-08.max-memory", "9M")
            .overrideConfigKey("quarkus.arena-cache.cache-09.max-memory", "10M")
            .overrideConfigKey("quarkus.arena-cache.cache-10.max-memory", "11M")
            .overrideConfigKey("quarkus.arena-cache.cache-11.max-memory", "12M")
            .overrideConfigKey("quarkus.arena-cache.cache-12.max-memory", "13M")
            .overrideConfigKey("quarkus.arena-cache.cache-13.max-memory", "14M")
            .overrideConfigKey("quarkus.arena-cache.cache-14.max-memory", "15M")
            .overrideConfigKey("quarkus.arena-cache.cache-15.max-memory", "16M")
            .overrideConfigKey("quarkus.arena-cache.cache-16.max-memory", "17M")
            .overrideConfigKey("quarkus.arena-cache.cache-17.max-memory", "18M")
            .overrideConfigKey("quarkus.arena-cache.cache-18.max-memory", "19M")
            .overrideConfigKey("quarkus.arena-cache.cache-19.max-memory", "20M");

    @Inject
    @ArenaCacheName("cache-00")
    ArenaCache<String, String> c0;

    @Inject
    @ArenaCacheName("cache-01")
    ArenaCache<Long, String> c1;

    @Inject
    @ArenaCacheName("cache-02")
    ArenaCache<Integer, Long> c2;

    @Inject
    @ArenaCacheName("cache-03")
    ArenaCache<java.util.UUID, String> c3;

    @Inject
    @ArenaCacheName("cache-04")
    ArenaCache<String, byte[]> c4;

    @Inject
    @ArenaCacheName("cache-05")
    ArenaCache<Long, Double> c5;

    @Inject
    @ArenaCacheName("cache-06")
    ArenaCache<String, Product> c6;

    @Inject
    @ArenaCacheName("cache-07")
    ArenaCache<Integer, Integer> c7;

    @Inject
    @ArenaCacheName("cache-08")
    ArenaCache<Short, String> c8;

    @Inject
    @ArenaCacheName("cache-09")
    ArenaCache<Character, Boolean> c9;

    @Inject
    @ArenaCacheName("cache-10")
    ArenaCache<String, Float> c10;

    @Inject
    @ArenaCacheName("cache-11")
    ArenaCache<Product, String> c11;

    @Inject
    @ArenaCacheName("cache-12")
    ArenaCache<Long, Long> c12;

    @Inject
    @ArenaCacheName("cache-13")
    ArenaCache<String, java.util.UUID> c13;

    @Inject
    @ArenaCacheName("cache-14")
    ArenaCache<byte[], String> c14;

    @Inject
    @ArenaCacheName("cache-15")
    ArenaCache<Double, String> c15;

    @Inject
    @ArenaCacheName("cache-16")
    ArenaCache<String, String> c16;

    @Inject
    @ArenaCacheName("cache-17")
    ArenaCache<Integer, Product> c17;

    @Inject
    @ArenaCacheName("cache-18")
    ArenaCache<Boolean, String> c18;

    @Inject
    @ArenaCacheName("cache-19")
    ArenaCache<String, Short> c19;

    @Inject
    ArenaCacheManager manager;

    @Test
    void everyCacheHasItsTypesAndSettings() {
        { int i = 7; c0.put("k"+i, "v"+i); assertThat(c0.get("k"+i)).isEqualTo("v"+i); }
        { int i = 7; c1.put((long) i, "v"+i); assertThat(c1.get((long) i)).isEqualTo("v"+i); }
        { int i = 7; c2.put(i, (long) i); assertThat(c2.get(i)).isEqualTo((long) i); }
        { int i = 7; c3.put(new java.util.UUID(0, i), "v"+i); assertThat(c3.get(new java.util.UUID(0, i))).isEqualTo("v"+i); }
        { int i = 7; c4.put("k"+i, new byte[] { (byte) i }); assertThat(c4.get("k"+i)).containsExactly(new byte[] { (byte) i }); }
        { int i = 7; c5.put((long) i, i / 2.0); assertThat(c5.get((long) i)).isEqualTo(i / 2.0); }
        { int i = 7; c6.put("k"+i, new Product("p" + i, i)); assertThat(c6.get("k"+i)).isEqualTo(new Product("p" + i, i)); }
        { int i = 7; c7.put(i, i * 2); assertThat(c7.get(i)).isEqualTo(i * 2); }
        { int i = 7; c8.put((short) i, "v"+i); assertThat(c8.get((short) i)).isEqualTo("v"+i); }
        { int i = 7; c9.put((char) ('a' + i % 26), i % 2 == 0); assertThat(c9.get((char) ('a' + i % 26))).isEqualTo(i % 2 == 0); }
        { int i = 7; c10.put("k"+i, i * 1.5f); assertThat(c10.get("k"+i)).isEqualTo(i * 1.5f); }
        { int i = 7; c11.put(new Product("p" + i, i), "v"+i); assertThat(c11.get(new Product("p" + i, i))).isEqualTo("v"+i); }
        { int i = 7; c12.put((long) i, (long) -i); assertThat(c12.get((long) i)).isEqualTo((long) -i); }
        { int i = 7; c13.put("k"+i, new java.util.UUID(i, 0)); assertThat(c13.get("k"+i)).isEqualTo(new java.util.UUID(i, 0)); }
        { int i = 7; c14.put(new byte[] { (byte) i, 1 }, "v"+i); assertThat(c14.get(new byte[] { (byte) i, 1 })).isEqualTo("v"+i); }
        { int i = 7; c15.put(i / 4.0, "v"+i); assertThat(c15.get(i / 4.0)).isEqualTo("v"+i); }
        { int i = 7; c16.put("k"+i, "w".repeat(i % 50)); assertThat(c16.get("k"+i)).isEqualTo("w".repeat(i % 50)); }
        { int i = 7; c17.put(i, new Product("q" + i, -i)); assertThat(c17.get(i)).isEqualTo(new Product("q" + i, -i)); }
        { int i = 7; c18.put(i % 2 == 0, "v"+i); assertThat(c18.get(i % 2 == 0)).isEqualTo("v"+i); }
        { int i = 7; c19.put("k"+i, (short) i); assertThat(c19.get("k"+i)).isEqualTo((short) i); }
        assertThat(manager.cacheNames()).hasSize(CACHES);
        for (int n = 0; n < CACHES; n++) {
            ArenaCache<?, ?> cache = manager.getCache(String.format("cache-%02d", n)).orElseThrow();
            assertThat(cache.settings().maxMemory()).as(cache.name()).isEqualTo((n + 1) * 1024L * 1024);
        }
    }

    @Test
    void theSnapshotAddsUpWhileEveryCacheIsWritten() throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int i = 0; !done.get(); i++) {
                for (int n = 0; n < CACHES; n++) {
                    put(n, i);
                }
            }
        });
        List<String> mismatches = new ArrayList<>();
        int snapshots = 0;
        do {
            JsonObject all = new JsonObject(when().get("/q/arena-cache").then().statusCode(200).extract().asString());
            snapshots++;
            JsonArray caches = all.getJsonArray("caches");
            assertThat(caches.size()).isEqualTo(CACHES);
            for (int n = 0; n < CACHES; n++) {
                JsonObject cache = caches.getJsonObject(n);
                assertThat(cache.getString("name")).isEqualTo(String.format("cache-%02d", n));
                assertThat(cache.getJsonObject("settings").getLong("maxMemory")).isEqualTo((n + 1) * 1024L * 1024);
                long entries = 0;
                long bytesUsed = 0;
                for (Object shard : cache.getJsonArray("shards")) {
                    entries += ((JsonObject) shard).getLong("entries");
                    bytesUsed += ((JsonObject) shard).getLong("bytesUsed");
                }
                JsonObject stats = cache.getJsonObject("stats");
                if (stats.getLong("entries") != entries || stats.getLong("bytesUsed") != bytesUsed) {
                    mismatches.add(cache.getString("name") + ": stats " + stats.getLong("entries") + "/"
                            + stats.getLong("bytesUsed") + ", shards " + entries + "/" + bytesUsed);
                }
            }
        } while (snapshots < 50 && mismatches.isEmpty());
        done.set(true);
        writer.join();
        assertThat(mismatches).as("in %d snapshots", snapshots).isEmpty();
    }

    private void put(int n, int i) {
        switch (n) {
            case 0 -> c0.put("k"+i, "v"+i);
            case 1 -> c1.put((long) i, "v"+i);
            case 2 -> c2.put(i, (long) i);
            case 3 -> c3.put(new java.util.UUID(0, i), "v"+i);
            case 4 -> c4.put("k"+i, new byte[] { (byte) i });
            case 5 -> c5.put((long) i, i / 2.0);
            case 6 -> c6.put("k"+i, new Product("p" + i, i));
            case 7 -> c7.put(i, i * 2);
            case 8 -> c8.put((short) i, "v"+i);
            case 9 -> c9.put((char) ('a' + i % 26), i % 2 == 0);
            case 10 -> c10.put("k"+i, i * 1.5f);
            case 11 -> c11.put(new Product("p" + i, i), "v"+i);
            case 12 -> c12.put((long) i, (long) -i);
            case 13 -> c13.put("k"+i, new java.util.UUID(i, 0));
            case 14 -> c14.put(new byte[] { (byte) i, 1 }, "v"+i);
            case 15 -> c15.put(i / 4.0, "v"+i);
            case 16 -> c16.put("k"+i, "w".repeat(i % 50));
            case 17 -> c17.put(i, new Product("q" + i, -i));
            case 18 -> c18.put(i % 2 == 0, "v"+i);
            case 19 -> c19.put("k"+i, (short) i);
            default -> throw new IllegalArgumentException();
        }
    }
}
