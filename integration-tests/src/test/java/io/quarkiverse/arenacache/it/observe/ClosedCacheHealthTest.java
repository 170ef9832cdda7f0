package io.quarkiverse.arenacache.it.observe;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheManager;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Closing a cache makes the application not ready. Runs in its own application instance (a test profile), so the
 * closed cache does not disturb the other tests.
 */
@QuarkusTest
@TestProfile(ClosedCacheHealthTest.OwnApplication.class)
class ClosedCacheHealthTest {

    public static class OwnApplication implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.arena-cache.\"observe-closable\".max-memory", "1M");
        }
    }

    @Inject
    ArenaCacheManager manager;

    @Inject
    @ArenaCacheName("observe-closable")
    ArenaCache<String, String> closable;

    @Test
    void aClosedCacheIsDownAndShownClosedInTheSnapshot() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        closable.put("k", "v");
        manager.getCache("observe-closable").orElseThrow().close();
        assertThat(closable.isClosed()).isTrue();

        given().get("/q/health/ready").then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Arena caches' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Arena caches' }.data.observe-closable", equalTo("closed"));
        given().get("/q/arena-cache/observe-closable").then()
                .statusCode(200)
                .body("closed", equalTo(true))
                .body("stats", equalTo(null));
    }
}
