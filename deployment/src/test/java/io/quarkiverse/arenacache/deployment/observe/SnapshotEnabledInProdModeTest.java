package io.quarkiverse.arenacache.deployment.observe;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.QuarkusProdModeTest;

/** {@code quarkus.arena-cache.snapshot.enabled=true} serves the snapshot in production, at a configured path. */
class SnapshotEnabledInProdModeTest {

    @RegisterExtension
    static final QuarkusProdModeTest APP = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> jar.addClasses(UsersService.class))
            .setApplicationName("snapshot-on")
            .setApplicationVersion("1")
            .overrideConfigKey("quarkus.arena-cache.snapshot.enabled", "true")
            .overrideConfigKey("quarkus.arena-cache.snapshot.path", "/caches/")
            .setRuntimeProperties(Map.of("quarkus.http.port", FreePort.find()))
            // Test-scoped dependencies are not packaged: add the HTTP server to the application explicitly.
            .setForcedDependencies(List.of(Dependency.of("io.quarkus", "quarkus-vertx-http", Version.getVersion())))
            .setRun(true);

    @Test
    void theSnapshotIsServedWhenEnabled() {
        given().get("/q/caches").then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("caches.name", contains("users"))
                .body("caches[0].closed", equalTo(false))
                .body("caches[0].settings.maxMemory", equalTo(64 * 1024 * 1024));
        given().get("/q/caches/users").then().statusCode(200).body("name", equalTo("users"));
        given().get("/q/arena-cache").then().statusCode(404);
    }
}
