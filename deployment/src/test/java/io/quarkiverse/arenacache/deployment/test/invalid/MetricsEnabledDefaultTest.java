package io.quarkiverse.arenacache.deployment.test.invalid;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code quarkus.arena-cache.metrics-enabled} looks like a default for every cache but is no property (the global
 * switch is {@code quarkus.arena-cache.metrics.enabled}): it fails the build instead of being ignored.
 */
class MetricsEnabledDefaultTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.arena-cache.metrics-enabled", "false")
            .assertException(Failures.messageContains(
                    "Invalid property quarkus.arena-cache.metrics-enabled",
                    "quarkus.arena-cache.metrics.enabled",
                    "quarkus.arena-cache.\"<cache-name>\".metrics-enabled"));

    @Inject
    @ArenaCacheName("users")
    ArenaCache<String, String> users;

    @Test
    void applicationDoesNotStart() {
        Assertions.fail("the application must not start");
    }
}
