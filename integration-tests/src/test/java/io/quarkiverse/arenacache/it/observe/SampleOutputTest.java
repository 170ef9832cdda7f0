package io.quarkiverse.arenacache.it.observe;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * Saves what an operator sees (snapshot, readiness, Prometheus lines) after some traffic into
 * {@code target/observability-samples/}; docs/modules/ROOT/pages/observability.adoc shows these outputs.
 */
@QuarkusTest
class SampleOutputTest {

    static final Path OUTPUT = Path.of("target", "observability-samples");

    @Inject
    @ArenaCacheName("observe-sample")
    ArenaCache<String, String> sample;

    @Test
    void saveSampleOutputs() throws IOException {
        for (int i = 0; i < 50; i++) {
            sample.put("user-" + i, "{\"id\":" + i + ",\"name\":\"User " + i + "\"}");
        }
        for (int i = 0; i < 40; i++) {
            sample.get("user-" + i);
        }
        for (int i = 0; i < 3; i++) {
            sample.get("unknown-" + i);
        }
        sample.getOrLoad("user-100", key -> "{\"id\":100}");
        sample.invalidate("user-0");

        String snapshot = given().get("/q/arena-cache/observe-sample").then().statusCode(200).extract().asString();
        String health = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();

        Files.createDirectories(OUTPUT);
        Files.writeString(OUTPUT.resolve("snapshot.json"), new JsonObject(snapshot).encodePrettily());
        Files.writeString(OUTPUT.resolve("health.json"), new JsonObject(health).encodePrettily());
        String sampleLines = metrics.lines()
                .filter(line -> line.contains("observe-sample") || (line.startsWith("#")
                        && (line.contains(" cache_") || line.contains(" arena_cache_"))))
                .collect(Collectors.joining("\n"));
        Files.writeString(OUTPUT.resolve("metrics.txt"), sampleLines + "\n");
        PrometheusScrape scrape = new PrometheusScrape(metrics);
        assertThat(scrape.value("cache_gets_total", "observe-sample", "result", "hit")).isEqualTo(40);
        assertThat(scrape.value("cache_gets_total", "observe-sample", "result", "miss")).isEqualTo(4);
        assertThat(scrape.value("cache_size", "observe-sample")).isEqualTo(50);
    }
}
