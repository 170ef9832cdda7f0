package io.quarkiverse.arenacache.deployment.observe;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.QuarkusProdModeTest;

/** A packaged (production) application does not serve the snapshot unless asked to. */
class SnapshotOffInProdModeTest {

    @RegisterExtension
    static final QuarkusProdModeTest APP = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> jar.addClasses(UsersService.class))
            .setApplicationName("snapshot-off")
            .setApplicationVersion("1")
            .setRuntimeProperties(Map.of("quarkus.http.port", FreePort.find()))
            // Test-scoped dependencies are not packaged: add the HTTP server to the application explicitly.
            .setForcedDependencies(List.of(Dependency.of("io.quarkus", "quarkus-vertx-http", Version.getVersion())))
            .setRun(true);

    @Test
    void theSnapshotIsNotServedByDefault() {
        given().get("/q/arena-cache").then().statusCode(404);
        given().get("/q/arena-cache/users").then().statusCode(404);
    }
}
