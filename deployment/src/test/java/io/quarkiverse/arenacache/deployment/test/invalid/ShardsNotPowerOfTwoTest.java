package io.quarkiverse.arenacache.deployment.test.invalid;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;

/** Shards must be a power of two; the message names the default property and the allowed values. */
class ShardsNotPowerOfTwoTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.arena-cache.shards", "3")
            .assertException(Failures.messageContains(
                    "quarkus.arena-cache.shards",
                    "power of two between 1 and 4096",
                    "was 3"));

    @Inject
    @ArenaCacheName("users")
    ArenaCache<String, String> users;

    @Test
    void applicationDoesNotStart() {
        Assertions.fail("the application must not start");
    }
}
