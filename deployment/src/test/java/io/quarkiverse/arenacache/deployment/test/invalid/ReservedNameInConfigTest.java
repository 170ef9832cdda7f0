package io.quarkiverse.arenacache.deployment.test.invalid;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;

/** A cache configured under a reserved group name fails the build, naming the property. */
class ReservedNameInConfigTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.arena-cache.metrics.max-memory", "1M")
            .assertException(Failures.messageContains(
                    "Invalid arena cache name 'metrics'",
                    "quarkus.arena-cache.metrics.max-memory",
                    "Reserved names: dev-ui, expire-after-write"));



    @Test
    void applicationDoesNotStart() {
        Assertions.fail("the application must not start");
    }
}
