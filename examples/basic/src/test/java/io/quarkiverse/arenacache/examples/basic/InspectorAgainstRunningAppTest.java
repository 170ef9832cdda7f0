package io.quarkiverse.arenacache.examples.basic;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheManager;
import io.quarkiverse.arenacache.inspect.InspectorRun;
import io.quarkiverse.arenacache.inspect.InspectorRun.Result;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The arena-cache-inspect CLI against this application while it runs: the same snapshot and metrics endpoints an
 * operator would point it at, with real traffic behind the numbers.
 */
@QuarkusTest
class InspectorAgainstRunningAppTest {

    @TestHTTPResource("/q/arena-cache")
    URL snapshot;

    @Inject
    ArenaCacheManager caches;

    @BeforeEach
    void traffic() {
        given().get("/products/41").then().statusCode(200);
        given().get("/products/41").then().statusCode(200);
    }

    @Test
    void tableListsEveryCacheWithItsEntries() {
        Result result = InspectorRun.against(snapshot.toString()).run();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines()).anySatisfy(line -> assertThat(line).startsWith("products"))
                .anySatisfy(line -> assertThat(line).startsWith("deals"));
    }

    @Test
    void jsonIsTheEndpointsSnapshotWithTheCachesOwnFigures() throws Exception {
        Result result = InspectorRun.against(snapshot.toString()).run("--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode products = null;
        for (JsonNode cache : new ObjectMapper().readTree(result.out()).get("caches")) {
            if (cache.get("name").asText().equals("products")) {
                products = cache;
            }
        }
        assertThat(products).as("products in %s", result.out()).isNotNull();
        assertThat(products.get("stats").get("hits").asLong()).isPositive()
                .isLessThanOrEqualTo(products().stats().hits());
        assertThat(products.get("settings").get("maxMemory").asLong()).isEqualTo(16 * 1024 * 1024);
    }

    @Test
    void detailViewShowsOneCache() {
        Result result = InspectorRun.against(snapshot.toString()).run("--cache", "products");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("products").doesNotContain("Product 41");
    }

    @Test
    void metricsViewReadsThePrometheusEndpoint() {
        Result result = InspectorRun.against(snapshot.toString()).run("--metrics", "--cache", "products");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("cache_gets_total{result=\"hit\"}", "arena_cache_memory_max_bytes");
    }

    @Test
    void watchRefreshesTheGivenNumberOfTimes() {
        InspectorRun run = InspectorRun.against(snapshot.toString());
        Result result = run.run("--watch", "--interval", "2s", "--count", "2");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(run.sleeps()).hasSize(1);
        assertThat(result.out().lines().filter(line -> line.startsWith("products"))).hasSize(2);
    }

    @Test
    void unknownCacheExitsWithItsOwnCodeAndListsTheRealNames() {
        Result result = InspectorRun.against(snapshot.toString()).run("--cache", "no-such-cache");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).contains("no-such-cache", "products", "deals");
    }

    private ArenaCache<Long, ?> products() {
        return caches.<Long, Object> getCache("products").orElseThrow();
    }
}
