package io.quarkiverse.arenacache.it.observe;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.junit.QuarkusTest;

/** The "Arena caches" readiness check while every cache is open. */
@QuarkusTest
class HealthCheckTest {

    @Inject
    @ArenaCacheName("observe-health")
    ArenaCache<String, String> cache;

    @Test
    void readyWhileEveryCacheIsOpenEvenWhenFull() {
        // Fill the small cache past its budget: a full cache evicts, and stays healthy.
        String value = "v".repeat(1024);
        for (int i = 0; i < 200; i++) {
            cache.put("k" + i, value);
        }
        cache.put("last", "1");
        long entries = cache.stats().entries();
        long used = cache.stats().bytesUsed();
        long max = cache.settings().maxMemory();

        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Arena caches"))
                .body("checks.find { it.name == 'Arena caches' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Arena caches' }.data.observe-health",
                        equalTo(entries + " entries, " + used + "/" + max + " bytes"));
    }
}
