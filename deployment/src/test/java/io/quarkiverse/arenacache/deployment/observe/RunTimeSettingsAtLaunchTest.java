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

/**
 * The run-time settings of a built application change at launch, without rebuilding: system properties given to
 * the packaged jar override what application.properties said at build time, per cache and for every cache, and a
 * property for a cache the build does not have is reported.
 */
class RunTimeSettingsAtLaunchTest {

    @RegisterExtension
    static final QuarkusProdModeTest APP = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> jar.addClasses(UsersService.class))
            .setApplicationName("launch-settings")
            .setApplicationVersion("1")
            .overrideConfigKey("quarkus.arena-cache.snapshot.enabled", "true")
            .overrideConfigKey("quarkus.arena-cache.users.max-memory", "1M")
            .overrideConfigKey("quarkus.arena-cache.users.shards", "1")
            .overrideConfigKey("quarkus.arena-cache.generations", "2")
            .setRuntimeProperties(Map.of("quarkus.http.port", FreePort.find(),
                    "quarkus.arena-cache.users.max-memory", "2M",
                    "quarkus.arena-cache.\"users\".shards", "4",
                    "quarkus.arena-cache.generations", "4",
                    "quarkus.arena-cache.expire-after-write", "5M",
                    "quarkus.arena-cache.userz.max-memory", "8M"))
            .setForcedDependencies(List.of(Dependency.of("io.quarkus", "quarkus-vertx-http", Version.getVersion())))
            .setRun(true);

    @Test
    void launchPropertiesOverrideTheBuildsConfiguration() {
        given().get("/q/arena-cache").then()
                .statusCode(200)
                .body("caches.name", contains("users"))
                .body("caches[0].settings.maxMemory", equalTo(2 * 1024 * 1024))
                .body("caches[0].settings.shards", equalTo(4))
                .body("caches[0].settings.generations", equalTo(4))
                .body("caches[0].settings.expireAfterWrite", equalTo("PT5M"));
    }

    @Test
    void aPropertyForACacheTheBuildDoesNotHaveIsReported() {
        org.assertj.core.api.Assertions.assertThat(APP.getStartupConsoleOutput())
                .contains("quarkus.arena-cache.userz.max-memory configures no arena cache");
    }
}
