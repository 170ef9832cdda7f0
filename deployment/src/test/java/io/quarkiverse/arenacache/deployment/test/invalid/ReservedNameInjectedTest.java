package io.quarkiverse.arenacache.deployment.test.invalid;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.arenacache.ArenaCache;
import io.quarkiverse.arenacache.ArenaCacheName;
import io.quarkus.test.QuarkusUnitTest;

/** A cache injected under a property name fails the build, naming the injection point. */
class ReservedNameInjectedTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()

            .assertException(Failures.messageContains(
                    "Invalid arena cache name 'shards'",
                    "ReservedNameInjectedTest#shards",
                    "name of a cache property"));

    @Inject
    @ArenaCacheName("shards")
    ArenaCache<String, String> shards;

    @Test
    void applicationDoesNotStart() {
        Assertions.fail("the application must not start");
    }
}
