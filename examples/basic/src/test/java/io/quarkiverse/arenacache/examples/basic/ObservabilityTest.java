package io.quarkiverse.arenacache.examples.basic;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheManager;
import io.quarkiverse.arenacache.CacheStats;
import io.quarkus.test.junit.QuarkusTest;

/** The views the example advertises: Prometheus metrics, the snapshot endpoint and readiness. */
@QuarkusTest
class ObservabilityTest {

    @Inject
    ArenaCacheManager caches;

    @Test
    void prometheusShowsTheSameFiguresAsTheCacheStatistics() {
        given().get("/products/21").then().statusCode(200);
        given().get("/products/21").then().statusCode(200);

        String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        CacheStats stats = products().stats();

        assertThat(stats.hits()).isPositive();
        assertThat(sample(metrics, "cache_gets_total", "cache=\"products\"", "result=\"hit\"")).isEqualTo(stats.hits());
        assertThat(sample(metrics, "cache_gets_total", "cache=\"products\"", "result=\"miss\""))
                .isEqualTo(stats.misses());
        assertThat(sample(metrics, "cache_size", "cache=\"products\"")).isEqualTo(stats.entries());
        assertThat(sample(metrics, "arena_cache_memory_max_bytes", "cache=\"products\"")).isEqualTo(16 * 1024 * 1024);
    }

    @Test
    void snapshotEndpointListsBothCachesWithoutKeysOrValues() {
        given().get("/products/22").then().statusCode(200);

        String body = given().get("/q/arena-cache").then().statusCode(200)
                .body("caches.name", hasItems("products", "deals"))
                .body("caches.find { it.name == 'products' }.settings.maxMemory", equalTo(16 * 1024 * 1024))
                .body("caches.find { it.name == 'products' }.settings.expireAfterWrite", equalTo("PT10M"))
                .extract().asString();
        List<Map<String, Object>> cacheList = given().get("/q/arena-cache").then().extract().jsonPath()
                .getList("caches");
        assertThat(cacheList).hasSize(caches.cacheNames().size());
        assertThat(body).doesNotContain("Product 22");

        given().get("/q/arena-cache/products").then().statusCode(200).body("name", equalTo("products"));
    }

    @Test
    void readinessIsUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** @return the value of the one sample of {@code name} whose labels include every given {@code label="value"} */
    private static long sample(String metrics, String name, String... labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)}\\s+(\\S+)$", Pattern.MULTILINE);
        Matcher matcher = line.matcher(metrics);
        Double found = null;
        while (matcher.find()) {
            String labelText = matcher.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= labelText.contains(label);
            }
            if (all) {
                assertThat(found).as("more than one sample of %s with %s", name, List.of(labels)).isNull();
                found = Double.parseDouble(matcher.group(2));
            }
        }
        assertThat(found).as("a sample of %s with %s in:%n%s", name, List.of(labels), metrics).isNotNull();
        return found.longValue();
    }

    private ArenaCache<Long, Product> products() {
        return caches.<Long, Product> getCache("products").orElseThrow();
    }
}
