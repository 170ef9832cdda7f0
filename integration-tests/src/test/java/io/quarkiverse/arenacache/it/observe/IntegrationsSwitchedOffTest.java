package io.quarkiverse.arenacache.it.observe;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkiverse.arenacache.runtime.spi.ArenaCacheDecorator;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The global switches turn each integration off although its extension is present; the snapshot can be turned off
 * in test mode.
 */
@QuarkusTest
@TestProfile(IntegrationsSwitchedOffTest.SwitchedOff.class)
class IntegrationsSwitchedOffTest {

    public static class SwitchedOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.arena-cache.metrics.enabled", "false",
                    "quarkus.arena-cache.tracing.enabled", "false",
                    "quarkus.arena-cache.health.enabled", "false",
                    "quarkus.arena-cache.snapshot.enabled", "false");
        }
    }

    @Inject
    @ArenaCacheName("observe-metered")
    ArenaCache<String, String> metered;

    @Test
    void noMetersNoSpansNoHealthCheckNoSnapshot() {
        metered.put("a", "1");
        metered.get("a");

        PrometheusScrape scrape = PrometheusScrape.scrape();
        assertThat(scrape.hasSeriesFor("observe-metered")).isFalse();
        assertThat(Arc.container().select(ArenaCacheDecorator.class).isUnsatisfied()).isTrue();
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", not(hasItem("Arena caches")));
        given().get("/q/arena-cache").then().statusCode(404);
    }
}
