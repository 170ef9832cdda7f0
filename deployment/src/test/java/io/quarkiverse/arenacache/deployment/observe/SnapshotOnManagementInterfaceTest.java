package io.quarkiverse.arenacache.deployment.observe;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** With the management interface enabled, the snapshot moves there and leaves the application port. */
class SnapshotOnManagementInterfaceTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(UsersService.class, FreePort.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.management.enabled", "true")
            .overrideConfigKey("quarkus.management.test-port", FreePort.find());

    @Test
    void theSnapshotIsServedOnTheManagementPortOnly() {
        // Read back from the configuration: this class is loaded twice (JUnit, then the application).
        int managementPort = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        given().baseUri("http://localhost:" + managementPort).get("/q/arena-cache").then()
                .statusCode(200)
                .body("caches.name", contains("users"));
        given().baseUri("http://localhost:" + managementPort).get("/q/arena-cache/users").then().statusCode(200);
        given().get("/q/arena-cache").then().statusCode(404);
    }
}
