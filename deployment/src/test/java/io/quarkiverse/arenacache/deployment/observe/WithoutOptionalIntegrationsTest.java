package io.quarkiverse.arenacache.deployment.observe;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.runtime.metrics.MeteredCaches;
import io.quarkiverse.arenacache.runtime.snapshot.SnapshotObserver;
import io.quarkiverse.arenacache.runtime.spi.ArenaCacheDecorator;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Without Micrometer, OpenTelemetry and SmallRye Health (none is on this module's test class path) the application
 * starts, its caches work, and none of those integrations registers anything.
 */
class WithoutOptionalIntegrationsTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(UsersService.class))
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Inject
    UsersService users;

    @Test
    void theIntegrationLibrariesAreReallyAbsent() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        assertThatThrownBy(() -> loader.loadClass("io.micrometer.core.instrument.MeterRegistry"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> loader.loadClass("io.opentelemetry.api.OpenTelemetry"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> loader.loadClass("org.eclipse.microprofile.health.HealthCheck"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void noMetricsTracingOrHealthBeansAndTheCacheWorks() {
        assertThat(users.name("42")).isEqualTo("name-of-42");
        assertThat(Arc.container().select(MeteredCaches.class).isUnsatisfied()).isTrue();
        assertThat(Arc.container().select(ArenaCacheDecorator.class).isUnsatisfied()).isTrue();
        assertThat(Arc.container().select(SnapshotObserver.class).isUnsatisfied()).isTrue();
        assertThat(Arc.container().beanManager().getBeans(Object.class).stream()
                .map(bean -> bean.getBeanClass().getName()))
                .noneMatch(name -> name.startsWith("io.quarkiverse.arenacache.runtime.metrics")
                        || name.startsWith("io.quarkiverse.arenacache.runtime.tracing")
                        || name.startsWith("io.quarkiverse.arenacache.runtime.health"));
    }

    @Test
    void theSnapshotIsServedInTestModeWithoutTracing() {
        long loadsBefore = users.cache().stats().loadSuccesses();
        users.name("7");
        given().get("/q/arena-cache").then().statusCode(200).body("caches.name", contains("users"))
                .body("caches[0].stats.loadSuccesses", equalTo((int) loadsBefore + 1));
    }
}
