package io.quarkiverse.arenacache.deployment.test.devmode;

import static io.restassured.RestAssured.given;
import static io.restassured.RestAssured.when;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;

/**
 * Every dev-mode restart (configuration or code change) closes the old caches, freeing their off-heap memory, and
 * builds new ones with the new settings.
 */
class DevModeReloadTest {

    @RegisterExtension
    static final QuarkusDevModeTest DEV = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClass(CacheFiguresResource.class)
                    .addAsResource(new org.jboss.shrinkwrap.api.asset.StringAsset(config("1M", 1)),
                            "application.properties"));

    private static String config(String maxMemory, int shards) {
        return "quarkus.arena-cache.users.max-memory=" + maxMemory + "\n"
                + "quarkus.arena-cache.users.shards=" + shards + "\n"
                + "quarkus.arena-cache.generations=2\n";
    }

    @Test
    void restartsRebuildCachesAndReleaseTheOldMemory() {
        Figures first = fillAndRead(500);
        assertThat(first.names()).isEqualTo("users");
        assertThat(first.maxMemory()).isEqualTo(1024 * 1024);
        assertThat(first.shards()).isEqualTo(1);
        assertOnlyCurrentCachesHoldMemory(first, 1);

        DEV.modifyResourceFile("application.properties", old -> config("2M", 2));
        Figures second = fillAndRead(500);
        assertThat(second.maxMemory()).isEqualTo(2 * 1024 * 1024);
        assertThat(second.shards()).isEqualTo(2);
        assertOnlyCurrentCachesHoldMemory(second, 1);

        DEV.modifySourceFile(CacheFiguresResource.class, source -> source
                .replace("ArenaCacheManager manager;", "ArenaCacheManager manager;\n\n"
                        + "    @Inject\n    @ArenaCacheName(\"orders\")\n    ArenaCache<Long, String> orders;")
                .replace("\"v1\"", "\"v2\""));
        Figures third = fillAndRead(100);
        assertThat(third.marker()).isEqualTo("v2");
        assertThat(third.names()).isEqualTo("orders,users");
        assertOnlyCurrentCachesHoldMemory(third, 2);

        DEV.modifyResourceFile("application.properties", old -> config("4M", 4));
        Figures fourth = fillAndRead(800);
        assertThat(fourth.maxMemory()).isEqualTo(4 * 1024 * 1024);
        assertThat(fourth.shards()).isEqualTo(4);
        assertOnlyCurrentCachesHoldMemory(fourth, 2);
    }

    private static void assertOnlyCurrentCachesHoldMemory(Figures figures, int caches) {
        assertThat(figures.openCaches()).as("caches open in the JVM").isEqualTo(caches);
        assertThat(figures.committedInJvm()).as("bytes committed by every open cache")
                .isEqualTo(figures.committedByCurrentCaches());
        assertThat(figures.committedByCurrentCaches()).isPositive();
    }

    private static Figures fillAndRead(int entries) {
        given().queryParam("count", entries).when().post("/figures").then().statusCode(200);
        String[] parts = when().get("/figures").then().statusCode(200).extract().asString().split("\\|");
        return new Figures(parts[0], Long.parseLong(parts[1]), Integer.parseInt(parts[2]), Integer.parseInt(parts[3]),
                Long.parseLong(parts[4]), Long.parseLong(parts[5]), parts[6]);
    }

    record Figures(String names, long maxMemory, int shards, int openCaches, long committedInJvm,
            long committedByCurrentCaches, String marker) {
    }
}
